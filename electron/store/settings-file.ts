// The settings file on disk: conf underneath, our own migrations and recovery on top.
//
// Why conf and not electron-store: electron-store is conf plus `import 'electron'` (for the
// default folder and IPC), and the CLI and the dev bridge run without Electron. conf writes the
// same file format atomically, with the JSON schema and the file mode we ask for; the Electron
// shell passes app's userData folder as `dir`.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import { defaultSettings, settingsSchema, SETTINGS_VERSION, type Settings } from './settings-schema.ts';
import { migrateSettings, readSchemaVersion } from './migrations.ts';
import { describeIssues } from '../ipc/describe-issues.ts';

export const SETTINGS_FILE_NAME = 'settings.json';

export interface SettingsFile {
  readonly path: string;
  /** What the user must be told about loading (a reset file and where its backup went). */
  readonly notices: readonly string[];
  read(): Settings;
  write(settings: Settings): void;
}

export interface SettingsFileOptions {
  dir: string;
  now?: () => Date;
}

type JsonSchemaObject = { properties: Record<string, unknown>; [key: string]: unknown };

// conf validates with Ajv (draft 2020-12), which is zod's default target. conf takes the top
// level `properties` separately from the rest of the root schema.
function confSchema(): { schema: Record<string, unknown>; rootSchema: Record<string, unknown> } {
  const { properties, $schema: _schema, type: _type, ...rootSchema } = z.toJSONSchema(settingsSchema, { io: 'output' }) as JsonSchemaObject;
  return { schema: properties, rootSchema };
}

export function openSettingsFile(options: SettingsFileOptions): SettingsFile {
  const now = options.now ?? (() => new Date());
  const file = path.join(options.dir, SETTINGS_FILE_NAME);
  const notices: string[] = [];

  if (existsSync(file)) {
    const checked = checkExistingFile(file);
    if (checked.ok) {
      // conf validates the file in its constructor, so an older file is upgraded before conf opens it.
      if (checked.migrated) writeAtomically(file, `${JSON.stringify(checked.settings, null, '\t')}\n`);
    } else {
      const backup = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(file, backup);
      // The backup may have been hand-edited with looser permissions; it holds the same kind of data.
      chmodSync(backup, 0o600);
      notices.push(`The settings file ${checked.reason}, so it was reset to defaults. The old file was kept as ${backup}.`);
    }
  }

  const { schema, rootSchema } = confSchema();
  const conf = new Conf<Record<string, unknown>>({
    cwd: options.dir,
    configName: path.basename(SETTINGS_FILE_NAME, '.json'),
    schema: schema as never,
    rootSchema: rootSchema as never,
    defaults: defaultSettings(),
    configFileMode: 0o600,
    // A broken file is ours to back up (conf would silently clear it).
    clearInvalidConfig: false,
  });

  return {
    path: file,
    notices,
    read: () => settingsSchema.parse(conf.store),
    write: (settings) => {
      conf.store = settingsSchema.parse(settings);
    },
  };
}

type Check = { ok: true; settings: Settings; migrated: boolean } | { ok: false; reason: string };

function checkExistingFile(file: string): Check {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ok: false, reason: 'was not valid JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'did not hold a settings object' };
  const record = raw as Record<string, unknown>;
  const version = readSchemaVersion(record);
  if (version === null) return { ok: false, reason: 'had an unreadable schemaVersion' };
  if (version > SETTINGS_VERSION) return { ok: false, reason: `was written by a newer Karpor Desktop (settings version ${version})` };
  let candidate: unknown;
  try {
    candidate = migrateSettings(record, version);
  } catch {
    return { ok: false, reason: `could not be upgraded from settings version ${version}` };
  }
  const parsed = settingsSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, reason: `did not match the expected format (${describeIssues(parsed.error.issues)})` };
  return { ok: true, settings: parsed.data, migrated: version < SETTINGS_VERSION };
}

function writeAtomically(file: string, content: string): void {
  const temp = `${file}.migrating`;
  writeFileSync(temp, content, { mode: 0o600 });
  renameSync(temp, file);
}
