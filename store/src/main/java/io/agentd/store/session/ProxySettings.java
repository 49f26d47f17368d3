package io.agentd.store.session;

/** hld's model-proxy settings, kept so continued sessions inherit them. */
public record ProxySettings(boolean enabled, String baseUrl, String modelOverride, String apiKey) {
    public static ProxySettings none() {
        return new ProxySettings(false, null, null, null);
    }
}
