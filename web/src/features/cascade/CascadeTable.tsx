import { Table } from "antd";
import { useEffect, useMemo, useState } from "react";
import type { CascadeView } from "../../../../src/shared/api/cascade";
import { allKeys, buildCascadeRows, type CascadeRow, findRow } from "./cascade-rows";
import "./cascade.css";
import { useCan } from "../../hooks/use-can";
import { useTaskForces } from "../../hooks/use-data";
import { MonthlySplitModal } from "./MonthlySplitModal";
import { ShareFormModal } from "./ShareFormModal";
import { SplitTargetModal } from "./SplitTargetModal";
import { useCascadeTasks } from "./use-cascade";
import { useCascadeColumns } from "./use-cascade-columns";

/**
 * A cascade (层层衔接) as a tree table, opened all the way down, with the indicator `focus` marked
 * and scrolled to; its splitting tools open their dialogs on a row.
 */
export function CascadeTable({ view, focus }: { view: CascadeView; focus: string }) {
  const rows = useMemo(() => buildCascadeRows(view.nodes), [view.nodes]);
  const ids = useMemo(() => view.nodes.map((n) => n.indicatorId), [view.nodes]);
  const forces = useMemo(
    () => [...new Set(view.nodes.flatMap((n) => (n.taskForceId ? [n.taskForceId] : [])))].sort(),
    [view.nodes],
  );
  const tasks = useCascadeTasks(ids, forces);
  // Open all the way down: what the user closes stays closed across reloads, new rows come open.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const expanded = useMemo(() => allKeys(rows).filter((k) => !collapsed.has(k)), [rows, collapsed]);
  // Ids, not rows: the dialogs show the rows of the latest answer (after a reload, their new versions).
  const [splitting, setSplitting] = useState<string | null>(null);
  const [months, setMonths] = useState<string | null>(null);
  const [sharing, setSharing] = useState<string | null>(null);
  const can = useCan();
  const shareTo = (useTaskForces().data?.items ?? []).map((x) => x.id).filter((tf) => can.addShareTo(tf));
  const columns = useCascadeColumns({
    rows,
    tasks: tasks.data,
    onSplit: (r) => setSplitting(r.key),
    onMonths: (r) => setMonths(r.key),
    onAddShare: (r) => setSharing(r.key),
  });
  useEffect(() => {
    document.querySelector(`[data-row-key="${CSS.escape(focus)}"]`)?.scrollIntoView({ block: "center" });
  }, [focus]);
  const split: CascadeRow | undefined = splitting ? findRow(rows, splitting) : undefined;
  const monthly: CascadeRow | undefined = months ? findRow(rows, months) : undefined;
  const shared: CascadeRow | undefined = sharing ? findRow(rows, sharing) : undefined;
  return (
    <>
      <div data-testid="cascade-table" className="cascade-table">
        <Table<CascadeRow>
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1720 }}
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open, r) =>
              setCollapsed((c) => {
                const next = new Set(c);
                if (open) next.delete(r.key);
                else next.add(r.key);
                return next;
              }),
            indentSize: 16,
          }}
          rowClassName={(r) => (r.key === focus ? "cascade-focus" : "")}
          onRow={(r) =>
            ({
              "data-indicator": r.node.code,
              "aria-current": r.key === focus ? "true" : undefined,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </div>
      {/* One dialog per indicator: its form starts afresh. */}
      <SplitTargetModal
        key={`split-${splitting ?? ""}`}
        parent={split?.node ?? null}
        shares={(split?.children ?? []).map((c) => c.node)}
        onClose={() => setSplitting(null)}
      />
      <MonthlySplitModal
        key={`months-${months ?? ""}`}
        node={monthly?.node ?? null}
        onClose={() => setMonths(null)}
      />
      {shared ? (
        <ShareFormModal
          key={`share-${shared.key}`}
          parent={shared.node}
          siblingCodes={(shared.children ?? []).map((c) => c.node.code)}
          taskForceIds={shareTo}
          open
          onClose={() => setSharing(null)}
        />
      ) : null}
    </>
  );
}
