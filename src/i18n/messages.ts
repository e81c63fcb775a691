/**
 * Every text the add-in shows, in both languages. Keys are grouped by where the text appears.
 * `{name}` marks a parameter filled in by `t(locale, key, { name })`; both languages use the same parameters.
 */
export const messages = {
  'app.title': { zh: '客户数据', en: 'Customer data' },
  'app.subtitle': { zh: '本地清洗、去重、分析，数据不离开本机', en: 'Clean, dedup and analyse locally; data stays on this machine' },
  'app.language': { zh: '语言', en: 'Language' },
  'app.preview': {
    zh: '未在 Excel 中运行：这是预览模式，不会读写任何工作簿。',
    en: 'Not running in Excel: this is a preview and reads or writes no workbook.',
  },
  'app.steps': { zh: '步骤', en: 'Steps' },
  'app.comingSoon': { zh: '此步骤将在后续版本中提供。', en: 'This step arrives in a later version.' },

  'engine.starting': { zh: '计算引擎启动中…', en: 'Starting the engine…' },
  'engine.ready': { zh: '计算引擎已就绪', en: 'Engine ready' },
  'engine.failed': { zh: '计算引擎无法启动：{reason}', en: 'The engine could not start: {reason}' },

  'step.sources.title': { zh: '数据源', en: 'Sources' },
  'step.sources.intro': {
    zh: '选择要处理的工作表，自动识别表头行，并把各列对应到标准字段（姓名、电话、地区、日期、金额……）。',
    en: 'Pick the sheets to work on; the header row is found and each column is mapped to a standard field (name, phone, region, date, amount…).',
  },
  'step.clean.title': { zh: '清洗', en: 'Clean' },
  'step.clean.intro': {
    zh: '规范化电话、日期、性别、地区、邮箱、金额等字段，结果写入新列，原数据保持不变；问题汇总到质量报告。',
    en: 'Normalize phones, dates, gender, regions, emails, amounts and more into new columns, leaving your data untouched; problems go to a quality report.',
  },
  'step.dedup.title': { zh: '去重', en: 'Dedup' },
  'step.dedup.intro': {
    zh: '找出可能是同一客户的记录，给出每一处匹配的理由，由你确认后再合并。',
    en: 'Find records that are likely the same customer, with the reason for every match; you confirm before anything is merged.',
  },
  'step.analyze.title': { zh: '分析', en: 'Analyze' },
  'step.analyze.intro': {
    zh: '生成统一客户视图，计算 RFM、ABC、生命周期与流失风险，并按规则为客户打标签。',
    en: 'Build one view per customer, score RFM, ABC, lifecycle and churn risk, and tag customers by rules.',
  },
  'step.report.title': { zh: '报告', en: 'Report' },
  'step.report.intro': {
    zh: '把质量、去重与分析结果写成新的报告工作表和图表。',
    en: 'Write the quality, dedup and analysis results to new report sheets and charts.',
  },

  'command.normalize': { zh: '规范化', en: 'Normalize' },
  'command.findDuplicates': { zh: '查找重复', en: 'Find duplicates' },
  'command.rfmAndTags': { zh: 'RFM 与标签', en: 'RFM & tags' },
  'command.buildReport': { zh: '生成报告', en: 'Build report' },
  'command.pending': {
    zh: '“{command}”按钮将在后续版本中直接运行；现在请在面板中完成各步骤。',
    en: 'The “{command}” button will run directly in a later version; for now, use the steps in this pane.',
  },
  'command.failed': { zh: '“{command}”未能完成：{reason}', en: '“{command}” did not finish: {reason}' },
  'notice.dismiss': { zh: '关闭', en: 'Dismiss' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof messages;
