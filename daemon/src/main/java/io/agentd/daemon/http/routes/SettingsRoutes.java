package io.agentd.daemon.http.routes;

import io.agentd.daemon.http.route.HttpReply;
import io.agentd.daemon.http.route.RouteGroup;
import io.agentd.daemon.http.route.RouteTable;
import io.agentd.daemon.settings.ConfigService;
import io.agentd.daemon.settings.ConfigUpdate;
import io.agentd.daemon.settings.UserSettingsService;
import io.agentd.daemon.settings.UserSettingsUpdate;

import static java.util.Objects.requireNonNull;

/**
 * {@code /config} and {@code /config/status} (not enveloped) and {@code /user-settings} (enveloped), as the
 * desktop UI's settings screen calls them.
 */
public final class SettingsRoutes implements RouteGroup {
    private final ConfigService config;
    private final UserSettingsService userSettings;

    public SettingsRoutes(ConfigService config, UserSettingsService userSettings) {
        this.config = requireNonNull(config, "config is null");
        this.userSettings = requireNonNull(userSettings, "userSettings is null");
    }

    @Override
    public void register(RouteTable routes) {
        routes.get("/config", call -> HttpReply.plain(config.config()));
        routes.patch("/config", ConfigUpdate.class, (call, update) -> HttpReply.plain(config.update(update)));
        routes.get("/config/status", call -> HttpReply.plain(config.status()));
        routes.get("/user-settings", call -> HttpReply.data(userSettings.get()));
        routes.patch("/user-settings", UserSettingsUpdate.class,
                (call, update) -> HttpReply.data(userSettings.update(update)));
    }
}
