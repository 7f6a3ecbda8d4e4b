import { useMemo } from 'react';
import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';

/** One choice of a picker: shown by label, searched also by its detail (e-mail, account id). */
export interface Option {
  id: string;
  label: string;
  /** Extra text the picker also searches (e-mail, account id). */
  detail: string;
}

/** Only the first matches are rendered: 20,000 accounts stay instant to search. */
const filter = createFilterOptions<Option>({ limit: 100, stringify: (o) => `${o.label} ${o.detail}` });

interface Props {
  label: string;
  id: string;
  options: Option[];
  value: string | null;
  onChange: (id: string | null) => void;
  /** Narrow side panels give less than the default 320 px (a button beside it must stay in view). */
  minWidth?: number;
  /** How much of a shared row's room it takes, and at most how wide (a person's name and e-mail need more than an account's name). */
  grow?: number;
  maxWidth?: number;
}

/** Search by name, e-mail or id; the selection is an id. */
export const EntityPicker = ({ label, id, options, value, onChange, minWidth = 320, grow = 1, maxWidth = 480 }: Props) => {
  // The selected option keeps its identity while its id and words stay: a refresh rebuilds the
  // options, and MUI's Autocomplete resets the text being typed whenever `value` is a new object
  // (what the admin had typed vanished mid-search, seen when a pull landed under load).
  const found = options.find((o) => o.id === value);
  const [foundId, foundLabel, foundDetail] = [found?.id, found?.label, found?.detail];
  const selected = useMemo(
    () => (foundId === undefined ? null : { id: foundId, label: foundLabel ?? '', detail: foundDetail ?? '' }),
    [foundId, foundLabel, foundDetail],
  );
  return (
    <Autocomplete
      id={id}
      sx={{ minWidth, flex: grow, maxWidth }}
      size="small"
      options={options}
      filterOptions={filter}
      value={selected}
      onChange={(_e, o) => onChange(o?.id ?? null)}
      getOptionLabel={(o) => (o.detail && o.detail !== o.label ? `${o.label} (${o.detail})` : o.label)}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      renderOption={(props, o) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <li key={key} {...rest}>
            {o.label}
            {o.detail !== o.label && <span style={{ opacity: 0.7, marginLeft: 8 }}>{o.detail}</span>}
          </li>
        );
      }}
      renderInput={(params) => <TextField {...params} label={label} placeholder="Search by name or e-mail" />}
    />
  );
};
