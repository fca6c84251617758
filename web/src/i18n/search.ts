/** Words of the header's global search in both languages; merged into the resources as `search`. */
export const searchZh = {
  label: "全局搜索",
  placeholder: "搜索任务、督办单、指标、人员、专班",
  shortcut: "按 / 或 Ctrl+K 搜索",
  open: "搜索",
  searching: "搜索中…",
  empty: "没有找到匹配的记录",
  failed: "搜索失败，请稍后重试",
  more: "只显示前 {{n}} 条，请输入更多文字缩小范围",
  kinds: {
    taskForce: "专班",
    task: "任务",
    supervisionItem: "督办单",
    indicator: "指标",
    person: "人员",
  },
};

/** English words of the global search. */
export const searchEn: typeof searchZh = {
  label: "Search everything",
  placeholder: "Search tasks, items, indicators, people, task forces",
  shortcut: "Press / or Ctrl+K to search",
  open: "Search",
  searching: "Searching…",
  empty: "No matching records",
  failed: "The search failed; try again shortly",
  more: "Only the first {{n}} are shown; type more to narrow them down",
  kinds: {
    taskForce: "Task forces",
    task: "Tasks",
    supervisionItem: "Supervision items",
    indicator: "Indicators",
    person: "People",
  },
};
