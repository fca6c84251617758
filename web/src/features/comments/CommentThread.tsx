import { Empty, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Comment } from "../../api/types";
import { instantInZone } from "../../hooks/status-date";
import { useOrgTimeZone } from "../../hooks/use-status-date";
import { authorOf } from "./comment-view";

/** Comments, oldest first: author, time and text; on a task force's thread, what each is on. */
export function CommentThread(props: {
  comments: readonly Comment[];
  targetLabel?: (c: Comment) => string | null;
}) {
  const { t } = useTranslation();
  // A comment's real time, absolute and in the organisation's zone (no "x days ago" against a clock
  // that a fixed status date contradicts).
  const zone = useOrgTimeZone();
  if (props.comments.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("cmt.none")} />;
  return (
    <ol
      className="comment-thread"
      aria-label={t("cmt.title")}
      style={{ listStyle: "none", padding: 0, margin: 0 }}
    >
      {props.comments.map((c) => {
        const target = props.targetLabel?.(c);
        return (
          <li key={c.id} data-comment={c.id} style={{ borderBottom: "1px solid #f0f0f0", padding: "8px 0" }}>
            <div>
              <Typography.Text strong data-testid="comment-author">
                {authorOf(c)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                <time dateTime={c.createdAt}>{instantInZone(c.createdAt, zone)}</time>
              </Typography.Text>
              {target ? <Tag style={{ marginInlineStart: 8 }}>{target}</Tag> : null}
            </div>
            <Typography.Paragraph
              style={{ whiteSpace: "pre-wrap", margin: "4px 0 0" }}
              data-testid="comment-body"
            >
              {c.body}
            </Typography.Paragraph>
          </li>
        );
      })}
    </ol>
  );
}
