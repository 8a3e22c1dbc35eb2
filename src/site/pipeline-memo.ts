// What `goalpost dev` keeps from one pipeline run to the next (PipelineMemo in pipeline.ts):
// each strategy file's parse, under its text, so that only a file whose text changed is parsed
// again (and, its documents being the same objects, schema-checked again: validate-schema.ts);
// and the last result of each data stage (metric CSVs, ticket exports), reused while what the
// stage was given is equal and the watcher has reported no change to a file it read. A stage's
// files are forgotten before the run that follows a change to them (`forget`), and runs follow
// one another (reload-queue.ts), so a result read before a change never outlives it.
import type { PipelineMemo } from '../pipeline.ts';
import { parseYamlFile, type ParsedFile } from '../parse/parse-yaml.ts';

export interface DevPipelineMemo extends PipelineMemo {
  /** Files (relative to the root, with `/`) that changed: the stage results that read one are dropped. A folder drops every file below it. */
  forget(changed: readonly string[]): void;
}

interface StageResult {
  key: string;
  files: readonly string[];
  value: Promise<unknown>;
}

export function devPipelineMemo(): DevPipelineMemo {
  const parsed = new Map<string, { text: string; result: ParsedFile }>();
  const stages = new Map<string, StageResult>();
  const touches = (files: readonly string[], changed: string) => files.some((file) => file === changed || file.startsWith(`${changed}/`));
  return {
    parse(file, text) {
      const kept = parsed.get(file);
      if (kept?.text === text) return kept.result;
      const result = parseYamlFile(file, text);
      parsed.set(file, { text, result });
      return result;
    },
    reuse<T>(stage: string, inputs: unknown, files: readonly string[], run: () => Promise<T>): Promise<T> {
      const key = JSON.stringify([inputs, files]);
      const kept = stages.get(stage);
      if (kept?.key === key) return kept.value as Promise<T>;
      const value = run();
      stages.set(stage, { key, files, value });
      // A stage that failed is run again next time.
      value.catch(() => stages.get(stage)?.value === value && stages.delete(stage));
      return value;
    },
    forget(changed) {
      for (const file of changed) {
        for (const [stage, kept] of stages) if (touches(kept.files, file)) stages.delete(stage);
        // Parses are kept under their text, so this only lets a deleted file's go.
        for (const name of parsed.keys()) if (touches([name], file)) parsed.delete(name);
      }
    },
  };
}
