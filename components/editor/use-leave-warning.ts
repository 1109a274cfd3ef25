"use client";

import { useEffect } from "react";
import { selectDirty } from "./editor-store";
import { useEditorStoreApi } from "./editor-store-context";

const MESSAGE = "You have unsaved changes. Leave without saving?";

/** Warns before a reload, a tab close or an in-app link click would drop unsaved changes. */
export function useLeaveWarning() {
  const store = useEditorStoreApi();
  useEffect(() => {
    const dirty = () => selectDirty(store.getState());
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty()) event.preventDefault();
    };
    // The app router has no navigation guard: catch same-origin link clicks before Next handles them.
    const onClick = (event: MouseEvent) => {
      if (!dirty() || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank") return;
      if (new URL(link.href).pathname === window.location.pathname) return;
      if (!window.confirm(MESSAGE)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [store]);
}
