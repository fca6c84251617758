import { PrinterOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Space, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Timeline as TimelineData } from "../../../../src/shared/api/timeline";
import { QueryState } from "../../components/QueryState";
import { type EventView, eventView, printPath } from "./timeline-view";
import { type TimelineSubjectKind, useTimeline } from "./use-timeline";

/** One event: its step (and item), day and who, its details and evidence links. */
function EventBody({ v, kind }: { v: EventView; kind: string }) {
  const { t } = useTranslation();
  return (
    <div data-event={kind}>
      <Space size={4} wrap>
        <Typography.Text strong>{v.step}</Typography.Text>
        {v.item ? <Tag>{v.item}</Tag> : null}
        <Typography.Text type="secondary">
          {v.day} · {v.actor}
        </Typography.Text>
      </Space>
      {v.lines.map((line) => (
        <div key={line} style={{ overflowWrap: "anywhere" }}>
          {line}
        </div>
      ))}
      {v.evidence.length ? (
        <div>
          {t("tl.evidence")}：
          <Space size={8} wrap>
            {v.evidence.map((x) =>
              x.url ? (
                <a key={x.url} href={x.url} target="_blank" rel="noreferrer">
                  {x.name}
                </a>
              ) : (
                <span key={x.name}>{x.name}</span>
              ),
            )}
          </Space>
        </div>
      ) : null}
    </div>
  );
}

/** The events of a timeline, oldest first, on antd's Timeline. */
export function TimelineEvents({ events }: { events: TimelineData["events"] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Empty description={t("tl.empty")} />;
  return (
    <div data-testid="timeline">
      <Timeline
        items={events.map((e) => {
          const v = eventView(e, t);
          return { key: v.key, color: v.color, content: <EventBody v={v} kind={e.kind} /> };
        })}
      />
    </div>
  );
}

/** A record's timeline (时间线) with a link to print it. */
export function TimelineSection({ kind, id }: { kind: TimelineSubjectKind; id: string }) {
  const { t } = useTranslation();
  const q = useTimeline(kind, id);
  return (
    <QueryState query={q}>
      {(tl) => (
        <Flex vertical gap={8}>
          <Flex justify="flex-end">
            <Link to={printPath(tl.subject)} data-print-timeline={tl.subject.code}>
              <Button size="small" icon={<PrinterOutlined />}>
                {kind === "task" ? t("tl.printTask") : t("tl.printItem")}
              </Button>
            </Link>
          </Flex>
          <TimelineEvents events={tl.events} />
        </Flex>
      )}
    </QueryState>
  );
}
