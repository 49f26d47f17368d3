package io.agentd.daemon.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * Keeps every log entry on its own lines: control characters in a message or an exception's message are
 * written escaped ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}, ...). Messages carry values clients sent
 * (a model, a title, a path), and a raw newline in one would let a client forge log lines. The line
 * structure of a stack trace itself is kept.
 */
final class LogEscaping {
    private LogEscaping() {
    }

    /** {@code text} with each ISO control character (and the Unicode line separators) escaped. */
    static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !needsEscape(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    /** {@code %safeMsg}: the formatted message, escaped. */
    public static final class MessageEscaper extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return escape(event.getFormattedMessage());
        }
    }

    /** {@code %safeEx}: the stack trace as usual, with each exception's message escaped. */
    public static final class ThrowableEscaper extends ThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return super.throwableProxyToString(new EscapedProxy(proxy));
        }
    }

    /** An exception as logback sees it, with its message (and its causes' and suppressed ones') escaped. */
    private record EscapedProxy(IThrowableProxy delegate) implements IThrowableProxy {
        @Override
        public String getMessage() {
            return escape(delegate.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return escape(delegate.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return delegate.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return delegate.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return delegate.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            IThrowableProxy cause = delegate.getCause();
            return cause == null ? null : new EscapedProxy(cause);
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = delegate.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] escaped = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                escaped[i] = new EscapedProxy(suppressed[i]);
            }
            return escaped;
        }

        @Override
        public boolean isCyclic() {
            return delegate.isCyclic();
        }
    }
}
