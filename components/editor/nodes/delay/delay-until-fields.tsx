"use client";

import { clsx } from "clsx";
import { useState } from "react";
import { type Weekday, weekdays } from "@/lib/flow/local-time";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "../../controls/field-error";
import { timeZoneNames } from "./time-zones";

const dayLabels: Record<Weekday, string> = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" };

type DelayUntilFieldsProps = {
  id: (part: string) => string;
  time: string;
  timezone: string;
  chosenDays: string[];
  errors: Record<string, string>;
  onTime: (time: string) => void;
  onTimezone: (timezone: string) => void;
  onDay: (day: Weekday, on: boolean) => void;
};

/** "Time", the weekday checkboxes ("Mon".."Sun") and "Time zone" of a "Wait until". */
export function DelayUntilFields({ id, time, timezone, chosenDays, errors, onTime, onTimezone, onDay }: DelayUntilFieldsProps) {
  const timeError = time.trim() === "" ? "Enter a time of day" : errors["until.time"];
  const zoneError = timezone.trim() === "" ? "Enter a time zone" : errors["until.timezone"];
  const daysError = errors["until.weekdays"];
  return (
    <div className="space-y-3">
      <div className="space-y-1.5">
        <Label htmlFor={id("time")}>Time</Label>
        <Input
          id={id("time")}
          type="time"
          value={time}
          onChange={(event) => onTime(event.target.value)}
          aria-invalid={timeError ? true : undefined}
          aria-describedby={timeError ? id("time-error") : undefined}
        />
        <FieldError id={id("time-error")} message={timeError} />
      </div>
      <fieldset className="space-y-1.5" aria-describedby={daysError ? id("days-error") : id("days-hint")}>
        <legend className="text-sm font-medium text-slate-700">Days</legend>
        <div className="flex flex-wrap gap-1">
          {weekdays.map((day) => (
            <label
              key={day}
              className={clsx(
                "flex cursor-pointer items-center gap-1 rounded-md border px-1.5 py-1 text-xs font-medium select-none",
                chosenDays.includes(day)
                  ? "border-yellow-400 bg-yellow-50 text-yellow-800"
                  : "border-slate-200 bg-white text-slate-600 hover:border-slate-300",
              )}
            >
              <input
                type="checkbox"
                className="size-3.5 accent-yellow-500"
                checked={chosenDays.includes(day)}
                onChange={(event) => onDay(day, event.target.checked)}
              />
              {dayLabels[day]}
            </label>
          ))}
        </div>
        {daysError ? (
          <FieldError id={id("days-error")} message={daysError} />
        ) : (
          <p id={id("days-hint")} className="text-xs text-slate-500">
            None chosen: every day.
          </p>
        )}
      </fieldset>
      <div className="space-y-1.5">
        <Label htmlFor={id("timezone")}>Time zone</Label>
        <Input
          id={id("timezone")}
          list={id("timezones")}
          value={timezone}
          autoComplete="off"
          spellCheck={false}
          placeholder="Europe/Rome"
          onChange={(event) => onTimezone(event.target.value)}
          aria-invalid={zoneError ? true : undefined}
          aria-describedby={zoneError ? id("timezone-error") : undefined}
        />
        <TimeZoneList id={id("timezones")} />
        <FieldError id={id("timezone-error")} message={zoneError} />
      </div>
    </div>
  );
}

function TimeZoneList({ id }: { id: string }) {
  // Hundreds of options: built once per mount of the "Wait until" controls.
  const [names] = useState(timeZoneNames);
  return (
    <datalist id={id}>
      {names.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}
