import type { FieldKind } from '../normalize/types';

/**
 * What a column's values are. The normalizer kinds, plus three that need no normalizer of their own:
 * `id` (codes: keep as text, leading zeros and all), `number` (counts, scores) and `category` (a few repeated labels).
 */
export type ValueKind = FieldKind | 'id' | 'number' | 'category';

/** The three kinds of sheet a customer workbook holds: who the customers are, what they did, what they paid. */
export type SheetRole = 'master' | 'behaviour' | 'value';

export interface StandardField {
  id: string;
  zh: string;
  en: string;
  kind: ValueKind;
  /** Header texts that name this field. The zh/en labels and the id count as synonyms too. */
  synonyms: string[];
  /** Synonyms too generic to count when merely contained in a longer header or a few letters off (客户, 状态, Name). */
  exactOnly?: string[];
  /** Which sheets the field belongs to; a field in several roles weighs less when guessing a sheet's role. */
  role: SheetRole[];
  /** The field identifies one record of its role (a customer, an order, a ticket). */
  key?: boolean;
  /**
   * A second column that would map to this primary field falls back here (a second phone column becomes `phone2`).
   * A secondary never stands alone: when its primary has no column, the column is promoted to the primary.
   */
  secondaryOf?: string;
}

const ALL: SheetRole[] = ['master', 'behaviour', 'value'];

/**
 * The standard fields, most important first: on a tie between two fields for the same column the earlier one wins.
 * Synonyms are the headers seen in real Chinese CRM, e-commerce (淘宝/京东/有赞) and service-desk exports, and their
 * English counterparts. Matching ignores case, width, spaces, underscores, punctuation and trailing units.
 */
export const STANDARD_FIELDS: readonly StandardField[] = [
  // ---- who the customer is (master) ----
  {
    id: 'customerId', zh: '客户编号', en: 'Customer ID', kind: 'id', role: ALL, key: true,
    synonyms: ['客户ID', '客户代码', '客户编码', '客户号', '客户账号', '会员号', '会员ID', '会员编号', '会员卡号', '会员账号',
      '用户ID', '用户编号', '买家ID', '买家会员名', '买家账号', '买家昵称', 'CustomerID', 'Customer No', 'Customer Number',
      'Customer Code', 'cust_id', 'Client ID', 'User ID', 'Member ID', 'Account ID'],
  },
  {
    id: 'customerName', zh: '客户名称', en: 'Customer Name', kind: 'name', role: ALL,
    synonyms: ['客户名', '客户姓名', '客户全称', '姓名', '名字', '全名', '公司名称', '企业名称', '单位名称', '收货人', '收货人姓名',
      '收件人', '收件人姓名', '买家姓名', '会员姓名', '会员名称', '用户姓名', 'Client Name', 'Full Name'],
    exactOnly: ['客户', '名称', 'Customer', 'Client', 'Name'],
  },
  {
    id: 'company', zh: '公司名称', en: 'Company', kind: 'company', role: ['master'],
    synonyms: ['公司', '公司全称', '企业名称', '企业', '单位', '单位名称', '工作单位', '所在公司', '所属公司', '客户公司',
      '机构名称', '组织名称', 'Company Name', 'Organization', 'Organisation', 'Account Name', 'Employer'],
  },
  {
    id: 'contact', zh: '联系人', en: 'Contact', kind: 'name', role: ['master', 'behaviour'],
    synonyms: ['联系人姓名', '联系人名称', '对接人', '对接人姓名', '主联系人', '关键联系人', '客户联系人', 'Contact Name',
      'Contact Person'],
  },
  {
    id: 'surname', zh: '姓氏', en: 'Surname', kind: 'name', role: ['master'],
    synonyms: ['Last Name', 'Family Name', 'lastname'],
    exactOnly: ['姓'],
  },
  {
    id: 'givenName', zh: '名', en: 'Given Name', kind: 'name', role: ['master'],
    synonyms: ['First Name', 'firstname', 'Forename'],
  },
  {
    id: 'phone', zh: '联系电话', en: 'Phone', kind: 'phone', role: ['master'],
    synonyms: ['电话', '手机', '手机号', '手机号码', '移动电话', '电话号码', '联系方式', '联系手机', '联系号码', '手机/电话',
      '客户电话', '客户手机', '收货人电话', '收货人手机', '收件人电话', '收件人手机', '买家电话', '买家手机', '联系人电话',
      '联系人手机', 'Tel', 'Telephone', 'Mobile', 'Mobile Phone', 'Cell', 'Cellphone', 'Phone Number', 'Mobile Number',
      'Contact Number'],
  },
  {
    id: 'phone2', zh: '备用电话', en: 'Other Phone', kind: 'phone', role: ['master'], secondaryOf: 'phone',
    synonyms: ['备用手机', '其他电话', '其它电话', '其他联系方式', '座机', '座机号码', '固定电话', '固话', '办公电话', '公司电话',
      '家庭电话', '单位电话', 'Home Phone', 'Work Phone', 'Office Phone', 'Landline', 'Alternate Phone'],
  },
  {
    id: 'email', zh: '邮箱', en: 'Email', kind: 'email', role: ['master'],
    synonyms: ['电子邮箱', '电子邮件', '邮件', '邮箱地址', '电邮', '联系邮箱', '客户邮箱', 'E-mail', 'Email Address', 'Mail'],
  },
  {
    id: 'wechat', zh: '微信', en: 'WeChat', kind: 'text', role: ['master'],
    synonyms: ['微信号', '微信ID', '微信账号', 'WeChat ID', 'wx'],
  },
  { id: 'qq', zh: 'QQ', en: 'QQ', kind: 'id', role: ['master'], synonyms: ['QQ号', 'QQ号码'] },
  {
    id: 'idNumber', zh: '证件号码', en: 'ID Number', kind: 'id', role: ['master'],
    synonyms: ['身份证', '身份证号', '身份证号码', '证件号', '公民身份号码', '护照号', 'ID Card', 'National ID', 'SSN',
      'Social Security Number', 'soc_sec_id'],
  },
  {
    id: 'creditCode', zh: '统一社会信用代码', en: 'Credit Code', kind: 'id', role: ['master'],
    synonyms: ['信用代码', '社会信用代码', '税号', '纳税人识别号', '营业执照号', 'Tax ID', 'USCC'],
  },
  { id: 'gender', zh: '性别', en: 'Gender', kind: 'gender', role: ['master'], synonyms: ['Sex', '男/女'] },
  {
    id: 'birthDate', zh: '出生日期', en: 'Birth Date', kind: 'date', role: ['master'],
    synonyms: ['生日', '出生年月', '出生年月日', 'Birthday', 'DOB', 'Date of Birth', 'date_of_birth', 'birthdate'],
  },
  { id: 'age', zh: '年龄', en: 'Age', kind: 'number', role: ['master'], synonyms: ['岁数'] },
  {
    // The brief's catch-all place column: a sheet with one place column maps it here, whatever its grain.
    id: 'region', zh: '地区', en: 'Region', kind: 'region', role: ['master'],
    synonyms: ['所在地区', '所在地', '省市', '省市区', '区域', '地域', '所属地区', '所属区域', '归属地', '城市', '省份', '地址',
      '收货地址', '详细地址', 'Area', 'Location', 'City', 'Province', 'Address'],
  },
  {
    id: 'province', zh: '省份', en: 'Province', kind: 'region', role: ['master'],
    synonyms: ['所在省份', '所在省', '省/直辖市', 'State'],
    exactOnly: ['省'],
  },
  {
    id: 'city', zh: '城市', en: 'City', kind: 'region', role: ['master'],
    synonyms: ['所在城市', '地市', '城市名称', 'Town', 'Suburb'],
    exactOnly: ['市'],
  },
  {
    id: 'district', zh: '区县', en: 'District', kind: 'region', role: ['master'],
    synonyms: ['区/县', '县区', '所在区县', 'County'],
    exactOnly: ['区', '县'],
  },
  {
    id: 'address', zh: '详细地址', en: 'Address', kind: 'region', role: ['master'],
    synonyms: ['地址', '收货地址', '联系地址', '通讯地址', '通信地址', '家庭地址', '家庭住址', '住址', '公司地址', '办公地址',
      '单位地址', '街道地址', '注册地址', '收件地址', '邮寄地址', 'Street Address', 'Mailing Address', 'Shipping Address',
      'Address Line'],
  },
  {
    id: 'postcode', zh: '邮政编码', en: 'Postcode', kind: 'text', role: ['master'],
    synonyms: ['邮编', 'Post Code', 'Postal Code', 'Zip', 'Zip Code', 'zipcode'],
  },
  {
    id: 'country', zh: '国家', en: 'Country', kind: 'category', role: ['master', 'value'],
    synonyms: ['国家/地区', '国别', 'Nation', 'Country/Region'],
  },
  {
    id: 'industry', zh: '所属行业', en: 'Industry', kind: 'industry', role: ['master'],
    synonyms: ['行业', '行业类别', '行业分类', '行业类型', 'Sector', 'Vertical'],
  },
  {
    id: 'source', zh: '数据来源', en: 'Source', kind: 'category', role: ['master'],
    synonyms: ['客户来源', '线索来源', '渠道来源', '来源渠道', '获客渠道', '获客来源', '获客方式', '推广来源', '引流渠道',
      'Lead Source', 'Acquisition Channel', 'utm_source'],
    exactOnly: ['来源'],
  },
  {
    id: 'customerType', zh: '客户类型', en: 'Customer Type', kind: 'category', role: ['master'],
    synonyms: ['客户类别', '客户分类', '客户性质', 'Account Type'],
  },
  {
    id: 'level', zh: '客户等级', en: 'Customer Level', kind: 'category', role: ['master'],
    synonyms: ['客户级别', '会员等级', '会员级别', 'VIP等级', '客户分级', 'Tier', 'Membership Level'],
    exactOnly: ['等级', '级别', 'Level', 'Grade'],
  },
  {
    id: 'status', zh: '客户状态', en: 'Customer Status', kind: 'category', role: ['master'],
    synonyms: ['跟进状态', '成交状态', '客户阶段', '销售阶段', '生命周期阶段', 'Lifecycle Stage'],
    exactOnly: ['状态', '阶段', 'Status', 'Stage'],
  },
  {
    id: 'tags', zh: '标签', en: 'Tags', kind: 'category', role: ['master'],
    synonyms: ['客户标签', '用户标签', 'Tag', 'Labels'],
  },
  {
    id: 'createdAt', zh: '创建时间', en: 'Created At', kind: 'date', role: ['master'],
    synonyms: ['首次接触时间', '报名日期', '报名时间', '注册时间', '创建日期', '录入时间', '建档时间', '建档日期', '开户时间', '注册日期', '入会时间',
      '加入时间', '成为客户时间', 'Created', 'Created Time', 'Create Time', 'Created Date', 'Registration Date',
      'Sign Up Date', 'Signup Date', 'Join Date', 'Date Joined'],
  },
  {
    id: 'updatedAt', zh: '最后更新时间', en: 'Updated At', kind: 'date', role: ['master'],
    synonyms: ['更新时间', '修改时间', '最后修改时间', '更新日期', 'Updated', 'Last Modified', 'Modified Time', 'Update Time'],
  },
  {
    id: 'lastOrderDate', zh: '最近购买时间', en: 'Last Purchase', kind: 'date', role: ['master'],
    synonyms: ['最近购买日期', '最后购买时间', '最后购买日期', '最近下单时间', '最后下单时间', '最近消费时间', '最后消费时间',
      'Last Order Date', 'Last Purchase Date', 'Last Order'],
  },
  {
    id: 'lastContactAt', zh: '最后跟进时间', en: 'Last Contacted', kind: 'date', role: ['master', 'behaviour'],
    synonyms: ['最近跟进时间', '上次跟进时间', '最后联系时间', '最近联系时间', '最后互动时间', 'Last Activity',
      'Last Activity Date', 'Last Contact Date'],
  },
  {
    id: 'owner', zh: '负责人', en: 'Owner', kind: 'name', role: ['master', 'behaviour'],
    synonyms: ['销售', '销售人员', '销售员', '业务员', '客户经理', '归属人', '所属销售', '所属人', '责任人', '跟进人', '处理人', '经办人', '对接销售',
      '销售负责人', '客服', '所有者', 'Sales', 'Sales Rep', 'Salesperson', 'Account Manager', 'Account Owner',
      'Assigned To'],
  },
  {
    id: 'department', zh: '所属部门', en: 'Department', kind: 'category', role: ['master'],
    synonyms: ['部门', '归属部门', '销售部门', 'Team'],
  },
  {
    id: 'jobTitle', zh: '职务', en: 'Job Title', kind: 'text', role: ['master'],
    synonyms: ['职位', '职称', '岗位', '头衔', 'Position'],
    exactOnly: ['Title'],
  },
  {
    id: 'remark', zh: '备注', en: 'Remarks', kind: 'text', role: ALL,
    synonyms: ['备注信息', '说明', '留言', '买家留言', '卖家备注', '订单备注', '客户备注', '附言', 'Remark', 'Note', 'Notes',
      'Comment', 'Comments', 'Memo'],
  },

  // ---- what they paid (value) ----
  {
    id: 'orderId', zh: '订单号', en: 'Order ID', kind: 'id', role: ['value'], key: true,
    synonyms: ['订单编号', '订单ID', '交易单号', '交易号', '交易编号', '流水号', '订单流水号', '销售单号', '发票号', '子订单编号',
      '主订单编号', 'InvoiceNo', 'Invoice No', 'Invoice Number', 'Order No', 'Order Number', 'Transaction ID',
      'Receipt No'],
    exactOnly: ['单号', 'Invoice'],
  },
  {
    id: 'orderDate', zh: '下单时间', en: 'Order Date', kind: 'date', role: ['value'],
    synonyms: ['下单日期', '订单日期', '订单时间', '订单创建时间', '创建订单时间', '购买时间', '购买日期', '交易时间', '交易日期',
      '成交时间', '成交日期', '消费时间', '消费日期', '销售日期', 'InvoiceDate', 'Order Time', 'Purchase Date',
      'Transaction Date'],
    exactOnly: ['日期', 'Date'],
  },
  {
    id: 'paidAt', zh: '付款时间', en: 'Paid At', kind: 'date', role: ['value'],
    synonyms: ['支付时间', '付款日期', '支付日期', '订单付款时间', 'Payment Date', 'Paid Time', 'Payment Time'],
  },
  {
    id: 'amount', zh: '金额', en: 'Amount', kind: 'amount', role: ['value'],
    synonyms: ['订单金额', '消费金额', '实付金额', '实收金额', '实际支付金额', '支付金额', '付款金额', '成交金额', '交易金额',
      '销售金额', '销售额', '总金额', '合计金额', '总价', '应付金额', '订单总额', '商品总价', '买家实际支付金额', 'Total Amount',
      'Total Price', 'Order Amount', 'Revenue', 'Paid Amount', 'Payment Amount', 'Subtotal'],
    exactOnly: ['合计', '总计', 'Total', 'Sales Amount'],
  },
  {
    id: 'quantity', zh: '数量', en: 'Quantity', kind: 'number', role: ['value'],
    synonyms: ['购买数量', '商品数量', '宝贝数量', '销售数量', '订购数量', '件数', 'Qty', 'Units'],
  },
  {
    id: 'unitPrice', zh: '单价', en: 'Unit Price', kind: 'amount', role: ['value'],
    synonyms: ['商品单价', '销售单价', '价格', '售价', '商品价格', '单位价格', '成交价', 'UnitPrice', 'Sale Price', 'List Price'],
    exactOnly: ['Price'],
  },
  {
    id: 'discount', zh: '优惠金额', en: 'Discount', kind: 'amount', role: ['value'],
    synonyms: ['优惠', '折扣', '折扣金额', '优惠券', '抵扣金额', '减免金额', 'Discount Amount', 'Coupon'],
  },
  {
    id: 'product', zh: '产品', en: 'Product', kind: 'text', role: ['value'],
    synonyms: ['产品名称', '商品', '商品名称', '商品名', '品名', '宝贝标题', '商品标题', '宝贝名称', '货品名称', '物品名称',
      '服务名称', '购买商品', '购买产品', 'Product Name', 'Item', 'Item Name', 'Description', 'Goods', 'SKU Name'],
  },
  {
    id: 'productCode', zh: '商品编码', en: 'Product Code', kind: 'id', role: ['value'],
    synonyms: ['商品编号', '产品编号', '产品编码', '商品ID', '产品ID', '货号', '商家编码', 'SKU', 'SKU编码', 'SKU ID', '物料编码',
      '物料号', '条码', '条形码', 'StockCode', 'Product ID', 'Item Code', 'Item ID', 'Item No', 'Barcode'],
  },
  {
    id: 'productCategory', zh: '商品类目', en: 'Product Category', kind: 'category', role: ['value'],
    synonyms: ['品类', '类目', '商品分类', '产品分类', '产品类别', '商品类别', '宝贝种类', '产品线', 'Category', 'Product Type'],
  },
  {
    id: 'orderStatus', zh: '订单状态', en: 'Order Status', kind: 'category', role: ['value'],
    synonyms: ['交易状态', '支付状态', '付款状态', '发货状态', '物流状态', '退款状态', 'Payment Status', 'Transaction Status'],
  },
  {
    id: 'paymentMethod', zh: '支付方式', en: 'Payment Method', kind: 'category', role: ['value'],
    synonyms: ['付款方式', '支付渠道', '结算方式', 'Payment Type', 'Pay Method'],
  },
  {
    id: 'store', zh: '店铺', en: 'Store', kind: 'category', role: ['value'],
    synonyms: ['店铺名称', '门店', '门店名称', '网点', 'Shop', 'Store Name'],
  },
  {
    id: 'trackingNo', zh: '物流单号', en: 'Tracking No', kind: 'id', role: ['value'],
    synonyms: ['快递单号', '运单号', '运单编号', '物流编号', 'Tracking Number', 'Waybill'],
  },

  // ---- what they did (behaviour) ----
  {
    id: 'interactionType', zh: '行为类型', en: 'Interaction Type', kind: 'category', role: ['behaviour'],
    synonyms: ['互动类型', '事件类型', '活动类型', '跟进方式', '跟进类型', '沟通方式', '联系类型', '拜访方式', 'Event Type',
      'Activity Type'],
    exactOnly: ['类型', '行为', '事件', '动作', 'Type', 'Event', 'Action'],
  },
  {
    id: 'interactionTime', zh: '互动时间', en: 'Interaction Time', kind: 'date', role: ['behaviour'],
    synonyms: ['行为时间', '事件时间', '发生时间', '跟进时间', '跟进日期', '联系时间', '沟通时间', '拜访时间', '拜访日期',
      '活动时间', '访问时间', '浏览时间', '点击时间', '通话时间', '来电时间', 'Event Time', 'Event Date', 'Activity Date',
      'Activity Time', 'Timestamp', 'Visit Time'],
  },
  {
    id: 'channel', zh: '渠道', en: 'Channel', kind: 'category', role: ['behaviour'],
    synonyms: ['触达渠道', '互动渠道', '访问渠道', '来访渠道', '平台', '终端', 'Platform', 'Medium', 'Device'],
  },
  {
    id: 'content', zh: '内容', en: 'Content', kind: 'text', role: ['behaviour'],
    synonyms: ['跟进内容', '沟通内容', '互动内容', '拜访内容', '跟进记录', '沟通记录', '问题描述', '投诉内容', '咨询内容',
      '反馈内容', '摘要', 'Summary', 'Message', 'Subject'],
    exactOnly: ['详情', 'Details'],
  },
  {
    id: 'result', zh: '结果', en: 'Result', kind: 'category', role: ['behaviour'],
    synonyms: ['处理结果', '跟进结果', '沟通结果', '拜访结果', '通话结果', '解决状态', '处理状态', '是否解决', 'Outcome',
      'Resolution'],
  },
  {
    id: 'ticketId', zh: '工单号', en: 'Ticket ID', kind: 'id', role: ['behaviour'], key: true,
    synonyms: ['工单编号', '工单ID', '服务单号', '投诉单号', '售后单号', '案例编号', 'Ticket No', 'Ticket Number', 'Case ID',
      'Case Number'],
  },
  {
    id: 'complaintType', zh: '投诉类型', en: 'Complaint Type', kind: 'category', role: ['behaviour'],
    synonyms: ['投诉类别', '问题类型', '问题分类', '工单类型', '服务类型', '咨询类型', 'Issue Type', 'Case Type'],
  },
  {
    id: 'satisfaction', zh: '满意度', en: 'Satisfaction', kind: 'number', role: ['behaviour'],
    synonyms: ['评分', '满意度评分', '服务评分', '评价', '客户评价', '星级', 'Rating', 'Score', 'CSAT', 'NPS'],
  },
  {
    id: 'campaign', zh: '活动名称', en: 'Campaign', kind: 'category', role: ['behaviour'],
    synonyms: ['营销活动', '推广活动', '活动ID', 'Campaign Name', 'utm_campaign'],
    exactOnly: ['活动'],
  },
  {
    id: 'duration', zh: '时长', en: 'Duration', kind: 'number', role: ['behaviour'],
    synonyms: ['通话时长', '停留时长', '访问时长', '浏览时长', 'Call Duration'],
  },
];

const BY_ID = new Map(STANDARD_FIELDS.map((f) => [f.id, f]));

export function fieldById(id: string): StandardField | undefined {
  return BY_ID.get(id);
}

/** Fields whose values are of this kind, in dictionary order (e.g. every place field for `region`). */
export function fieldsOfKind(kind: ValueKind): StandardField[] {
  return STANDARD_FIELDS.filter((f) => f.kind === kind);
}
