"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { AutomationView } from "@/lib/automations/automation-view";
import { createEditorStore, type EditorState, type EditorStore } from "./editor-store";

const EditorStoreContext = createContext<EditorStore | null>(null);

/** One store per editor mount, so opening another automation never sees the previous one's state. */
export function EditorStoreProvider({ automation, children }: { automation: AutomationView; children: ReactNode }) {
  const [store] = useState(() => createEditorStore(automation));
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error("useEditor must be used inside <EditorStoreProvider>");
  return store;
}

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
