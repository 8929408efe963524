import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppSettings, type AppSettingsPatch } from '../../../shared/model/settings';
import { PeriscopeError } from '../diagnostics/periscope-error';
import { WriteQueue, writeFileAtomic } from '../remotes/atomic-write';

export const SETTINGS_FILE_NAME = 'settings.json';

/**
 * The app's settings in `settings.json` in the data folder, written atomically. A missing file
 * means the defaults; an unreadable or invalid one too, with a notice (the next change rewrites it).
 */
export class SettingsStore {
  readonly path: string;
  private settings: AppSettings = AppSettings.parse({});
  private readonly queue = new WriteQueue();

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, SETTINGS_FILE_NAME);
  }

  /** Reads the file; resolves with a notice when it had to fall back to the defaults. */
  async load(): Promise<string | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return `${this.path} could not be read (${(error as Error).message}); the default settings are used.`;
    }
    try {
      this.settings = AppSettings.parse(JSON.parse(text));
      return undefined;
    } catch (error) {
      return `${this.path} is not valid (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); the default settings are used until you change one.`;
    }
  }

  get current(): AppSettings {
    return { ...this.settings };
  }

  update(patch: AppSettingsPatch): Promise<AppSettings> {
    return this.queue.run(async () => {
      const next = AppSettings.parse({ ...this.settings, ...patch });
      try {
        await mkdir(this.dataDir, { recursive: true });
        await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
      } catch (error) {
        throw new PeriscopeError({
          kind: 'storage',
          message: `Could not save the settings to ${this.path}: ${(error as Error).message}`,
          hint: 'Check that the data folder is writable and the disk is not full; the previous settings still apply.',
        });
      }
      this.settings = next;
      return this.current;
    });
  }
}
