"use client";

import { useState } from "react";
import { recordOf, replaced, textOf, without } from "../nodes/node-data";

export type RecordRow = { key: string; value: string };

/**
 * A `{key: value}` object edited as rows (webhook headers, saved response fields). The rows live
 * here while the inspector is open, so a row whose key is still empty or repeated does not vanish;
 * the object they mean (first of each key, blank keys left out) goes to `onChange`, or undefined
 * when it is empty.
 */
export function useRecordRows(stored: unknown, onChange: (record: Record<string, string> | undefined) => void) {
  const [rows, setRows] = useState<RecordRow[]>(() =>
    Object.entries(recordOf(stored)).map(([key, value]) => ({ key, value: textOf(value) })),
  );

  const commit = (next: RecordRow[]) => {
    setRows(next);
    const record: Record<string, string> = {};
    for (const { key, value } of next) {
      const name = key.trim();
      if (name !== "" && !Object.hasOwn(record, name)) record[name] = value;
    }
    onChange(Object.keys(record).length > 0 ? record : undefined);
  };

  return {
    rows,
    add: () => commit([...rows, { key: "", value: "" }]),
    remove: (index: number) => commit(without(rows, index)),
    update: (index: number, row: RecordRow) => commit(replaced(rows, index, row)),
    /** What is wrong with a row before the schema sees it: no key, or a key listed before. */
    rowProblem(index: number, emptyKey: string, repeated: string): string | undefined {
      const row = rows[index];
      if (!row) return undefined;
      const name = row.key.trim();
      if (name === "") return row.value.trim() === "" ? undefined : emptyKey;
      return rows.slice(0, index).some((other) => other.key.trim() === name) ? repeated : undefined;
    },
  };
}
