"use client";

import { clsx } from "clsx";
import { useRef, useState } from "react";
import { durationUnits } from "@/lib/flow/duration";
import { type Weekday, weekdays } from "@/lib/flow/local-time";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { configErrors } from "../../config-errors";
import { FieldError } from "../../controls/field-error";
import { numberFromText, textFromNumber } from "../../controls/number-text";
import { isRecord, type EditorNode, type NodeConfig } from "../../editor-node";
import { useEditor } from "../../editor-store-context";
import { recordOf, stringsOf, textOf, withKey } from "../node-data";
import { DelayUntilFields } from "./delay-until-fields";
import { browserTimeZone } from "./time-zones";

const DEFAULT_DURATION = { amount: 1, unit: "hours" };

type Mode = "duration" | "until";

/** Remount per node (key = node id): the amount is typed as text so "1." or "" never jump. */
export function DelayInspector({ node }: { node: EditorNode }) {
  const updateNodeData = useEditor((s) => s.updateNodeData);
  const { data } = node;
  const mode: Mode = isRecord(data.until) && !isRecord(data.duration) ? "until" : "duration";
  const duration = recordOf(data.duration);
  const until = recordOf(data.until);
  const unit = textOf(duration.unit) || "hours";
  const [amountText, setAmountText] = useState(textFromNumber(duration.amount));
  // What the other mode held, so switching back and forth loses nothing.
  const stash = useRef<{ duration?: unknown; until?: unknown }>({});
  const errors = configErrors("delay", data);
  const id = (part: string) => `delay-${part}-${node.id}`;

  const update = (next: NodeConfig) => updateNodeData(node.id, next);

  const switchTo = (next: Mode) => {
    if (next === mode) return;
    if (next === "until") {
      stash.current.duration = data.duration;
      const restored = isRecord(stash.current.until) ? stash.current.until : { time: "09:00", timezone: browserTimeZone() };
      update(withKey(withKey(data, "duration", undefined), "until", restored));
    } else {
      stash.current.until = data.until;
      const restored = isRecord(stash.current.duration) ? stash.current.duration : DEFAULT_DURATION;
      setAmountText(textFromNumber(restored.amount));
      update(withKey(withKey(data, "until", undefined), "duration", restored));
    }
  };

  const setDuration = (amount: string, nextUnit: string) => {
    setAmountText(amount);
    update({ ...data, duration: { amount: numberFromText(amount), unit: nextUnit } });
  };

  const setUntil = (patch: NodeConfig) => {
    const next = { ...until, ...patch };
    if (Array.isArray(next.weekdays) && next.weekdays.length === 0) delete next.weekdays;
    update({ ...data, until: next });
  };

  const chosenDays = stringsOf(until.weekdays);
  const toggleDay = (day: Weekday, on: boolean) =>
    setUntil({ weekdays: weekdays.filter((d) => (d === day ? on : chosenDays.includes(d))) });

  const durationError =
    amountText.trim() === "" ? "Enter how long to wait" : (errors["duration.amount"] ?? errors["duration.unit"] ?? errors.duration);

  return (
    <div className="space-y-4">
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-slate-700">Wait</legend>
        <div className="grid grid-cols-2 gap-1 rounded-lg bg-slate-100 p-1">
          {(["duration", "until"] as const).map((option) => (
            <label
              key={option}
              className={clsx(
                "flex cursor-pointer items-center justify-center gap-1.5 rounded-md px-2 py-1.5 text-sm",
                mode === option ? "bg-white font-medium text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
              )}
            >
              <input
                type="radio"
                name={id("mode")}
                value={option}
                checked={mode === option}
                onChange={() => switchTo(option)}
                className="size-3.5 accent-yellow-500"
              />
              {option === "duration" ? "Wait for" : "Wait until"}
            </label>
          ))}
        </div>
      </fieldset>
      <FieldError id={id("error")} message={errors[""]} />

      {mode === "duration" ? (
        <div>
          <div className="grid grid-cols-[1fr_1.3fr] gap-2">
            <div className="space-y-1.5">
              <Label htmlFor={id("amount")}>Amount</Label>
              <Input
                id={id("amount")}
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                value={amountText}
                onChange={(event) => setDuration(event.target.value, unit)}
                aria-invalid={durationError ? true : undefined}
                aria-describedby={durationError ? id("duration-error") : id("duration-hint")}
              />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor={id("unit")}>Unit</Label>
              <Select
                id={id("unit")}
                value={unit}
                onChange={(event) => setDuration(amountText, event.target.value)}
                aria-invalid={durationError ? true : undefined}
                aria-describedby={durationError ? id("duration-error") : id("duration-hint")}
              >
                {durationUnits.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
              </Select>
            </div>
          </div>
          {durationError ? (
            <p id={id("duration-error")} className="mt-1.5 text-xs text-red-600">
              {durationError}
            </p>
          ) : (
            <p id={id("duration-hint")} className="mt-1.5 text-xs text-slate-500">
              Between 5 seconds and 90 days.
            </p>
          )}
        </div>
      ) : (
        <DelayUntilFields
          id={id}
          time={textOf(until.time)}
          timezone={textOf(until.timezone)}
          chosenDays={chosenDays}
          errors={errors}
          onTime={(time) => setUntil({ time })}
          onTimezone={(timezone) => setUntil({ timezone })}
          onDay={toggleDay}
        />
      )}
      <p className="rounded-lg bg-slate-50 p-3 text-xs leading-relaxed text-slate-600">
        Replies do not end a delay: the run goes on when the time comes.
      </p>
    </div>
  );
}
