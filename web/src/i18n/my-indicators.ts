/** Words of an owner's indicators on 我的任务 (latest actual, standing, this month's reading); merged as `myInd`. */
export const myIndicatorsZh = {
  latest: "最新实际值",
  latestOf: "{{value}} · {{period}}",
  noneYet: "尚未填报",
  standing: "完成情况",
  progress: "工作进度 {{work}}%（时间进度 {{time}}%）",
  month: "本月",
  reported: "本月已填报",
  notReported: "本月未填报",
  monthHint: "{{month}} 的实际值",
  saved: "已填报 {{period}}：{{value}}",
};

/** English words of an owner's indicators. */
export const myIndicatorsEn: typeof myIndicatorsZh = {
  latest: "Latest actual",
  latestOf: "{{value}} · {{period}}",
  noneYet: "Not reported yet",
  standing: "Standing",
  progress: "Work {{work}}% (time {{time}}%)",
  month: "This month",
  reported: "Reported this month",
  notReported: "Not reported this month",
  monthHint: "The actual of {{month}}",
  saved: "Reported {{period}}: {{value}}",
};
