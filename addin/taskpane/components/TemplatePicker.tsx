import { Field, Select } from "@fluentui/react-components";
import type { TemplateChoice } from "../../engine/index.js";
import type { TemplatePick } from "../useChecker.js";
import { useT } from "../i18n.js";

export function TemplatePicker(props: { choices: TemplateChoice[]; value: TemplatePick | null; onChange(v: TemplatePick | null): void; lang: "zh" | "en" }) {
  const t = useT();
  const current = props.value ? `${props.value.id}@${props.value.version ?? ""}` : "";
  return (
    <Field label={`${t.template} / ${t.version}`} size="small">
      <Select
        size="small"
        data-testid="template-picker"
        value={current}
        onChange={(_, d) => {
          if (!d.value) return props.onChange(null);
          const [id, v] = d.value.split("@");
          props.onChange({ id: id!, ...(v ? { version: Number(v) } : {}) });
        }}
      >
        <option value="">{t.autoDetect}</option>
        {props.choices.map((c) => (
          <option key={`${c.id}@${c.version}`} value={`${c.id}@${c.version}`}>
            {props.lang === "en" ? c.titleEn : c.title} · v{c.version}
          </option>
        ))}
      </Select>
    </Field>
  );
}
