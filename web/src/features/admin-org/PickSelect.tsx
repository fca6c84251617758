import { Select, type SelectProps } from "antd";

/**
 * A searchable, clearable Select of records (units, people, goals): typing filters the options by
 * their label. It takes its own `id` (the Form.Item names it with `htmlFor`), so tests and labels
 * find it even where antd's generated ids are all alike.
 */
export function PickSelect(props: SelectProps & { readonly id: string }) {
  return <Select showSearch={{ optionFilterProp: "label" }} allowClear {...props} />;
}
