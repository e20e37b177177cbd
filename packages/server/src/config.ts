/** Server settings; body-level rules live in each body's config. */
export interface AppConfig {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Send cookies with Secure (behind HTTPS). */
  cookieSecure: boolean;
  /** Largest JSON body accepted. */
  bodyLimit: number;
  /** Largest uploaded file. */
  fileLimit: number;
  /** Built web app to serve, if any. */
  webDist?: string | undefined;
  logLevel: string;
}

export function defaultConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    sessionIdleMinutes: Number(env.YITING_SESSION_IDLE_MINUTES ?? 30),
    sessionMaxHours: Number(env.YITING_SESSION_MAX_HOURS ?? 12),
    lockoutThreshold: 5,
    lockoutMinutes: 15,
    cookieSecure: env.YITING_COOKIE_SECURE === 'true',
    bodyLimit: 1024 * 1024,
    fileLimit: 20 * 1024 * 1024,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
