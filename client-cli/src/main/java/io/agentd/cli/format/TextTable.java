package io.agentd.cli.format;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with left-aligned columns separated by two spaces. The last column takes what
 * width is left and is cut with an ellipsis, so rows never wrap in the terminal.
 */
public final class TextTable {
    private static final String GAP = "  ";
    private static final int MIN_LAST_COLUMN = 10;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> headers) {
        this.headers = List.copyOf(requireNonNull(headers, "headers is null"));
        if (this.headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
    }

    /** Adds a row; it must have one cell per header. */
    public TextTable row(List<String> cells) {
        requireNonNull(cells, "cells is null");
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.size());
        }
        rows.add(cells.stream().map(c -> c == null ? "" : singleLine(c)).toList());
        return this;
    }

    /** Renders header and rows, each line ending in a newline, no wider than {@code maxWidth}. */
    public String render(int maxWidth) {
        int columns = headers.size();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        int fixed = 0;
        for (int c = 0; c < columns - 1; c++) {
            fixed += widths[c] + GAP.length();
        }
        int last = Math.max(MIN_LAST_COLUMN, Math.min(widths[columns - 1], maxWidth - fixed));
        widths[columns - 1] = last;

        StringBuilder out = new StringBuilder();
        appendLine(out, headers, widths);
        for (List<String> row : rows) {
            appendLine(out, row, widths);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            boolean lastColumn = c == cells.size() - 1;
            String cell = lastColumn ? truncate(cells.get(c), widths[c]) : cells.get(c);
            line.append(cell);
            if (!lastColumn) {
                line.append(" ".repeat(widths[c] - cell.length())).append(GAP);
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Cuts {@code text} to {@code width} characters, the last one an ellipsis when anything was cut. */
    public static String truncate(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        return text.substring(0, Math.max(0, width - 1)) + "…";
    }

    private static String singleLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
