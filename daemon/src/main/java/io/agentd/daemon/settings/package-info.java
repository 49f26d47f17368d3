/**
 * Settings a client may change while the daemon runs, kept in the store across restarts: the daemon's
 * Claude CLI path ({@link io.agentd.daemon.settings.ConfigService}) and the desktop UI's preferences
 * ({@link io.agentd.daemon.settings.UserSettingsService}). Plain services: any transport binds them.
 */
package io.agentd.daemon.settings;
