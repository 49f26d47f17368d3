package io.agentd.daemon.http.route;

import static java.util.Objects.requireNonNull;

/**
 * A refusal that belongs to HTTP itself, not to a service: an oversized body, a query parameter that is
 * not a number, a forbidden origin. {@link HttpErrors} sends it as it is.
 */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String code;

    public HttpProblem(int status, String code, String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.status = status;
        this.code = requireNonNull(code, "code is null");
    }

    public static HttpProblem badRequest(String message) {
        return new HttpProblem(400, HttpErrors.INVALID_REQUEST, message);
    }

    public static HttpProblem forbidden(String message) {
        return new HttpProblem(403, HttpErrors.INVALID_REQUEST, message);
    }

    public static HttpProblem tooLarge(long limit) {
        return new HttpProblem(413, HttpErrors.INVALID_REQUEST, "request body larger than " + limit + " bytes");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
