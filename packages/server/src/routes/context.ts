import type { AppConfig } from '../config.ts';
import type { Database } from '../db/client.ts';

export interface RouteContext {
  database: Database;
  config: AppConfig;
}
