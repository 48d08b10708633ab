import { AppConfig, ConfigValidationError, loadConfig } from './app-config.js';

/**
 * The apps' first step: a wrong or missing variable stops the process with its name, before
 * anything connects anywhere. Written to stderr directly since no logger exists yet.
 */
export function loadConfigOrExit(processName: string): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`hearth ${processName}: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}
