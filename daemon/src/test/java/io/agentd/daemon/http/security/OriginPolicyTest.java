package io.agentd.daemon.http.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OriginPolicyTest {
    private final OriginPolicy policy = OriginPolicy.forServer("127.0.0.1", 7777, List.of("http://localhost:5173"));

    @Test
    void hostMustBeLoopbackWithTheBoundPort() {
        assertThat(policy.hostAllowed("127.0.0.1:7777")).isTrue();
        assertThat(policy.hostAllowed("LOCALHOST:7777")).isTrue();
        assertThat(policy.hostAllowed("[::1]:7777")).isTrue();
        assertThat(policy.hostAllowed("evil.example:7777")).isFalse();
        assertThat(policy.hostAllowed("localhost:7778")).isFalse();
        assertThat(policy.hostAllowed("localhost")).isFalse();
        assertThat(policy.hostAllowed(null)).isFalse();
    }

    @Test
    void originsAreOwnDesktopAndConfigured() {
        assertThat(policy.originAllowed("http://127.0.0.1:7777")).isTrue();
        assertThat(policy.originAllowed("http://localhost:7777/")).isTrue();
        assertThat(policy.originAllowed("tauri://localhost")).isTrue();
        assertThat(policy.originAllowed("http://tauri.localhost")).isTrue();
        assertThat(policy.originAllowed("http://localhost:5173")).isTrue();
        assertThat(policy.originAllowed("https://evil.example")).isFalse();
        assertThat(policy.originAllowed("http://localhost:5174")).isFalse();
        assertThat(policy.originAllowed("null")).isFalse();
    }

    @Test
    void configuredOriginsAreValidated() {
        assertThat(OriginPolicy.normalizeConfigured(" HTTPS://Tools.Example.com:443 ")).isEqualTo("https://tools.example.com");
        assertThatThrownBy(() -> OriginPolicy.normalizeConfigured("*")).hasMessageContaining("any web page");
        assertThatThrownBy(() -> OriginPolicy.normalizeConfigured("http://x.example/path")).hasMessageContaining("invalid origin");
    }
}
