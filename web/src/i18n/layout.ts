/** Words of the WBS row menu and the date field's 今天 in both languages; merged as `layout`. */
export const layoutZh = {
  actions: "操作",
  actionsOf: "操作 {{code}}",
  today: "今天",
  todayIs: "今天按状态日 {{date}} 计",
};

export const layoutEn: typeof layoutZh = {
  actions: "Actions",
  actionsOf: "Actions {{code}}",
  today: "Today",
  todayIs: "Today counts as the status date {{date}}",
};
