package io.agentd.cli.format;

import java.util.ArrayList;
import java.util.List;

/** Aligned {@code label  value} lines; fields without a value are left out. */
final class FieldList {
    private final List<String[]> fields = new ArrayList<>();

    FieldList add(String label, String value) {
        if (value != null && !value.isBlank()) {
            fields.add(new String[] {label, value});
        }
        return this;
    }

    String render() {
        int width = fields.stream().mapToInt(f -> f[0].length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String[] field : fields) {
            String indent = " ".repeat(width + 2);
            List<String> lines = field[1].lines().toList();
            out.append(field[0]).append(" ".repeat(width - field[0].length() + 2)).append(lines.getFirst()).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                out.append(indent).append(line).append('\n');
            }
        }
        return out.toString();
    }
}
