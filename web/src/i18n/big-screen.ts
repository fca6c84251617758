/** Words of the big screen's rotation (大屏轮播) in both languages; merged into the resources as `bigScreen`. */
export const bigScreenZh = {
  interval: "轮播间隔",
  seconds: "秒",
  progress: "第 {{n}}/{{total}} 屏",
  paused: "已暂停",
  hoverPaused: "悬停暂停",
  page: "第 {{n}}/{{total}} 页",
  lightCounts: "任务与指标亮灯",
  rank: "第 {{rank}} 名",
  unranked: "未排名",
  score: "得分 {{score}}",
  redLights: "红灯 {{n}}",
  indicators: "专班指标",
  noIndicators: "本专班暂无指标",
  more: "另有 {{n}} 项指标",
  scoreBreakdown: "得分构成",
  tasks: "{{n}} 项任务",
};

/** English words of the big screen's rotation. */
export const bigScreenEn: typeof bigScreenZh = {
  interval: "Rotate every",
  seconds: "s",
  progress: "{{n}}/{{total}}",
  paused: "Paused",
  hoverPaused: "Paused (pointer)",
  page: "page {{n}}/{{total}}",
  lightCounts: "Tasks and indicators by light",
  rank: "Rank {{rank}}",
  unranked: "Not ranked",
  score: "Score {{score}}",
  redLights: "{{n}} red",
  indicators: "Indicators",
  noIndicators: "No indicator yet",
  more: "{{n}} more",
  scoreBreakdown: "Score breakdown",
  tasks: "{{n}} tasks",
};
