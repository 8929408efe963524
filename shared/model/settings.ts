import * as z from 'zod';

/**
 * The app's own settings (settings.json in the data folder). Each field has a default, so an
 * older or partial file still reads.
 */
export const AppSettings = z.object({
  /**
   * The most one connection's session file may grow to, in MiB (1 MiB = 1,048,576 bytes). When
   * reached, recording stops with a notice; the connection goes on.
   */
  sessionFileCapMB: z.number().int().min(1).max(1_048_576).default(500),
});
export type AppSettings = z.infer<typeof AppSettings>;

/** What a window may change: any subset of the settings. */
export const AppSettingsPatch = AppSettings.partial();
export type AppSettingsPatch = z.infer<typeof AppSettingsPatch>;
