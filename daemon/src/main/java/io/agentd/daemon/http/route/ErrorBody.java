package io.agentd.daemon.http.route;

import java.util.Map;

/**
 * hld's error envelope: {@code {"error": {"code": "HLD-xxxx", "message": "...", "details": {...}}}}.
 *
 * @param error what went wrong
 */
public record ErrorBody(Detail error) {
    /** @param details absent unless there is more to say */
    public record Detail(String code, String message, Map<String, Object> details) {
    }

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(new Detail(code, message, null));
    }
}
