/**
 * hld's REST API and event stream over HTTP/1.1 (issue 13), on Jetty's core API (docs/decisions/0007).
 *
 * <ul>
 *   <li>{@code server}: the Jetty server's lifecycle, its limits and timeouts, and JSON bodies for the
 *       errors Jetty itself answers (bad requests, oversized headers);</li>
 *   <li>{@code security}: the guard every request passes first: the peer's uid, the {@code Host} header
 *       (DNS rebinding), the {@code Origin} (CORS);</li>
 *   <li>{@code route}: the route table, the request context a handler sees, its typed reply, and the one
 *       place where exceptions become HTTP errors;</li>
 *   <li>{@code routes}: the route groups, each a thin adapter over a service.</li>
 * </ul>
 */
package io.agentd.daemon.http;
