"use client";

import { FlaskConical } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useEditorStoreApi } from "../editor-store-context";
import { useSimulator } from "./simulator-context";
import { startTest } from "./start-test";

/** The toolbar's "Test": runs the draft on screen in the simulator's chat panel. */
export function TestButton() {
  const store = useEditorStoreApi();
  const { show } = useSimulator();
  const [starting, setStarting] = useState(false);
  return (
    <Button
      disabled={starting}
      title="Try the draft as it is now with a test contact: nothing is published, no real contact is messaged"
      onClick={async () => {
        setStarting(true);
        const run = await startTest(store);
        setStarting(false);
        if (run) show(run);
      }}
    >
      <FlaskConical aria-hidden className="size-4" />
      {starting ? "Starting…" : "Test"}
    </Button>
  );
}
