"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";

/** The test run on screen: its id and the test contact's key (for its messages). */
export type TestRun = { runId: string; version: number; contactKey: string };

type Simulator = {
  open: boolean;
  run: TestRun | null;
  show: (run: TestRun) => void;
  close: () => void;
};

const SimulatorContext = createContext<Simulator | null>(null);

/** Whether the chat panel is open and which test run it follows, for the toolbar and the panel. */
export function SimulatorProvider({ children }: { children: ReactNode }) {
  const [run, setRun] = useState<TestRun | null>(null);
  const value = useMemo<Simulator>(() => ({ open: run !== null, run, show: setRun, close: () => setRun(null) }), [run]);
  return <SimulatorContext.Provider value={value}>{children}</SimulatorContext.Provider>;
}

export function useSimulator(): Simulator {
  const simulator = useContext(SimulatorContext);
  if (!simulator) throw new Error("useSimulator outside SimulatorProvider");
  return simulator;
}
