import { SearchOutlined } from "@ant-design/icons";
import { AutoComplete, Button, Drawer, Grid, Input, type InputRef, Typography } from "antd";
import { type RefObject, useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { SearchHit } from "./api";
import { hitValue, searchTarget } from "./search-target";
import { useSearchResults, useSearchShortcut } from "./use-header-search";

/** One hit in the list: code, title, and where it belongs (its task force, a person's post and unit). */
function HitLabel({ hit }: { hit: SearchHit }) {
  const where = hit.kind === "taskForce" ? null : (hit.detail ?? hit.taskForceName);
  return (
    <div style={{ display: "flex", gap: 8, alignItems: "baseline", minWidth: 0 }}>
      {hit.code ? (
        <Typography.Text type="secondary" style={{ fontFamily: "monospace", flex: "none" }}>
          {hit.code}
        </Typography.Text>
      ) : null}
      <span style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", flex: 1 }}>
        {hit.title}
      </span>
      {where ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, flex: "none", maxWidth: "40%" }} ellipsis>
          {where}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** The search field with its grouped results; picking one opens it and clears the field. */
function SearchBox(props: {
  inputRef?: RefObject<InputRef | null>;
  width: number | string;
  onOpened?: () => void;
}) {
  const { t } = useTranslation();
  const nav = useNavigate();
  const [text, setText] = useState("");
  const results = useSearchResults(text);
  const data = text.trim() ? results.data : undefined;
  const byValue = useMemo(
    () => new Map((data?.groups ?? []).flatMap((g) => g.items.map((h) => [hitValue(h), h] as const))),
    [data],
  );
  const options = (data?.groups ?? []).map((g) => ({
    label: t(`search.kinds.${g.kind}`),
    title: t(`search.kinds.${g.kind}`),
    options: g.items.map((h) => ({ value: hitValue(h), label: <HitLabel hit={h} /> })),
  }));
  const status = !text.trim()
    ? null
    : results.isError
      ? t("search.failed")
      : !data || results.settling || results.isFetching
        ? t("search.searching")
        : t("search.empty");
  return (
    <AutoComplete
      value={text}
      options={options}
      // Picking an option would write its value into the field: the field keeps what was typed.
      onChange={(v: string) => (byValue.has(v) ? undefined : setText(v))}
      onSelect={(v: string) => {
        const hit = byValue.get(v);
        if (!hit) return;
        setText("");
        props.inputRef?.current?.blur();
        nav(searchTarget(hit));
        props.onOpened?.();
      }}
      // The best hit is active at once: Enter opens it, arrows move to another.
      defaultActiveFirstOption
      notFoundContent={status}
      popupMatchSelectWidth={typeof props.width === "number" ? Math.max(props.width, 440) : true}
      popupRender={(menu) => (
        <>
          {menu}
          {data?.more ? (
            <Typography.Text type="secondary" style={{ display: "block", padding: "4px 12px", fontSize: 12 }}>
              {t("search.more", { n: byValue.size })}
            </Typography.Text>
          ) : null}
        </>
      )}
      // The header's 64 px line height would stretch a custom input to the header's height.
      style={{ width: props.width, lineHeight: "normal" }}
    >
      <Input
        ref={props.inputRef}
        id="header-search"
        aria-label={t("search.label")}
        placeholder={t("search.placeholder")}
        title={t("search.shortcut")}
        prefix={<SearchOutlined aria-hidden />}
        allowClear
        maxLength={100}
      />
    </AutoComplete>
  );
}

/**
 * The header's global search (tasks, 督办单, indicators, people, task forces by code, title or
 * pinyin initials). `/` or Ctrl+K focuses it. Below antd's `xl` width the header has no room for a
 * field: an icon button opens it in a drawer from the top.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  // Unknown before antd has measured the window (first render): a desktop never flashes the button.
  // Below xl (1,200 px) the header's title and buttons leave no room for a field.
  const compact = screens.xl === false;
  const [open, setOpen] = useState(false);
  const inputRef = useRef<InputRef>(null);
  const focus = useCallback(() => (compact ? setOpen(true) : inputRef.current?.focus()), [compact]);
  useSearchShortcut(focus);
  if (!compact) return <SearchBox inputRef={inputRef} width={screens.xxl ? 320 : 240} />;
  return (
    <>
      <Button
        icon={<SearchOutlined />}
        aria-label={t("search.open")}
        title={t("search.shortcut")}
        data-testid="search-open"
        onClick={() => setOpen(true)}
      />
      <Drawer
        placement="top"
        size="auto"
        open={open}
        onClose={() => setOpen(false)}
        title={t("search.label")}
        destroyOnHidden
        afterOpenChange={(visible) => visible && inputRef.current?.focus()}
      >
        <SearchBox inputRef={inputRef} width="100%" onOpened={() => setOpen(false)} />
      </Drawer>
    </>
  );
}
