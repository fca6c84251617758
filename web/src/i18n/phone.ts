/** Words of reporting on a phone (cards, the menu, drafts and reports waiting to be sent); merged as `phone`. */
export const phoneZh = {
  menu: "菜单",
  deadline: "截止 {{date}}",
  target: "目标 {{value}}",
  camera: "拍照",
  files: "选择文件",
  draft: "草稿",
  waiting: "待发送",
  refused: "发送被拒",
  restored: "已恢复 {{time}} 保存的草稿",
  discard: "清除草稿",
  offline:
    "当前离线：提交后保存为待发送，联网后自动发送。已上传的附件随报告保留；离线时选择的文件无法上传，请联网后重新添加。",
  waitingHint: "此进展报告待发送，联网后自动发送",
  refusedHint: "此进展报告发送时被拒绝，请按提示修改后重新提交",
  queued: "已保存为待发送，联网后自动发送",
  sent: "待发送的进展报告已发送（{{code}}）",
  refusedNotice: "进展报告 {{code}} 未被接受",
  refusedAction: "打开“我的任务”修改后重新提交",
};

/** English words of reporting on a phone. */
export const phoneEn: typeof phoneZh = {
  menu: "Menu",
  deadline: "Due {{date}}",
  target: "Target {{value}}",
  camera: "Take photo",
  files: "Choose files",
  draft: "Draft",
  waiting: "Waiting to send",
  refused: "Send refused",
  restored: "Draft saved at {{time}} restored",
  discard: "Discard draft",
  offline:
    "You are offline: submitting keeps the report waiting and sends it once online. Files already uploaded stay with it; files chosen while offline cannot be uploaded, so add them again once online.",
  waitingHint: "This progress report waits to be sent; it is sent automatically once online",
  refusedHint: "This progress report was refused when sent; correct it as shown and submit again",
  queued: "Kept as waiting to send; it is sent automatically once online",
  sent: "The waiting progress report was sent ({{code}})",
  refusedNotice: "Progress report {{code}} was not accepted",
  refusedAction: "Open My tasks, correct it and submit again",
};
