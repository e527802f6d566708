"use client";

import { Button } from "@/components/ui/button";
import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { inputClass } from "@/components/ui/input-class";
import { formatCharacterLimit, parseCharacterLimit } from "./character-limit.logic";

/** Monthly character limit: empty is no limit; shown with thousands separators once typed. */
export function CharacterLimitField({
  id,
  value,
  onChange,
  error,
  clearable = false,
}: {
  id: string;
  value: number | null | undefined;
  onChange: (next: number | null) => void;
  error?: string;
  clearable?: boolean;
}) {
  const [text, setText] = useState(() => formatCharacterLimit(value));
  return (
    <FormField
      id={id}
      label="Monthly character limit"
      hint="A positive whole number of characters per month. Leave it empty for no limit."
      error={error}
    >
      {(describedBy) => (
        <div className="flex gap-2">
          <input
            id={id}
            inputMode="numeric"
            autoComplete="off"
            value={text}
            placeholder="No limit"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              setText(e.target.value);
              onChange(parseCharacterLimit(e.target.value));
            }}
            onBlur={() => {
              const parsed = parseCharacterLimit(text);
              if (parsed !== null && Number.isInteger(parsed) && parsed > 0)
                setText(formatCharacterLimit(parsed));
            }}
            className={inputClass}
          />
          {clearable ? (
            <Button
              type="button"
              onClick={() => {
                setText("");
                onChange(null);
              }}
              variant="secondary"
              className="mt-1 whitespace-nowrap"
            >
              Clear limit
            </Button>
          ) : null}
        </div>
      )}
    </FormField>
  );
}
