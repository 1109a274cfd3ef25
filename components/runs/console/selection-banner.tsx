"use client";

import type { BulkAction } from "./console-schemas";
import type { BulkTarget } from "./run-bulk";
import { BulkBar } from "./bulk-bar";

type Props = {
  selected: number;
  /** Every run on screen is ticked (the moment to offer all matching). */
  pageSelected: boolean;
  allMatching: boolean;
  /** Runs matching the filters (from the counts), null until known. */
  matching: number | null;
  reachable: Record<BulkAction, number>;
  target: () => BulkTarget;
  onSelectMatching: () => void;
  onClear: () => void;
  onDone: () => void;
};

const number = (n: number) => n.toLocaleString("en-US");

/** Above the table while runs are selected: how many, "Select all N matching", and the actions. */
export function SelectionBanner({ selected, pageSelected, allMatching, matching, reachable, target, onSelectMatching, onClear, onDone }: Props) {
  return (
    <div role="region" aria-label="Selection" className="flex flex-wrap items-center gap-3 border-b border-brand-200 bg-brand-50/60 px-4 py-2 text-sm">
      <span className="font-medium text-slate-800" data-testid="selection-count">
        {allMatching ? `All ${number(matching ?? 0)} matching runs selected` : `${number(selected)} selected`}
      </span>
      {pageSelected && !allMatching && matching !== null && (
        <button type="button" onClick={onSelectMatching} className="font-medium text-brand-700 hover:underline">
          Select all {number(matching)} matching
        </button>
      )}
      <div className="ml-auto flex">
        <BulkBar reachable={reachable} target={target} onClear={onClear} onDone={onDone} />
      </div>
    </div>
  );
}
