import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { WriteError } from "../../components/ConflictAlert";
import { explainPlanError, type PlanErrorContext } from "./plan-errors";

/**
 * Shows why a plan edit was refused: what still refers to a record, the tasks on a dependency
 * cycle, or the rule broken — named in the UI language. A 409 STALE_VERSION gets the
 * reload-and-reapply alert instead.
 */
export function PlanErrorAlert(props: {
  error: unknown;
  context: PlanErrorContext;
  onReapply?: () => void;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const view = explainPlanError(props.error, props.context, t);
  if (!props.error) return null;
  if (!view) return <WriteError error={props.error} onReapply={props.onReapply} onDiscard={props.onClose} />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="plan-error"
      data-code={view.code}
      title={view.title}
      closable={props.onClose ? { onClose: props.onClose } : undefined}
      description={
        view.items.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {view.items.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 8 }}
    />
  );
}
