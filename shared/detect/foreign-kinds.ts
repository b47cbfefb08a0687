/**
 * Sheets that look like ledgers but are not ours: member lists of democratic parties,
 * training rosters, cadre files, accounts, units, passports, recruitment and election
 * lists. Their words, kept as data: a header or title that says 民主党派 or 参训人员 is
 * never checked as a Party roster or a development record.
 *
 * `decisive` words settle it on their own (no Party ledger has a column 所在民主党派);
 * the other words add up, and win when they outweigh the ledger's own evidence.
 */
export interface ForeignKind {
  id: string;
  title: string;
  titleEn: string;
  /** In a header cell, any of these rules our ledgers out. */
  decisive: string[];
  /** Header words with their weight. */
  headers: [string, number][];
  /** Words in the sheet name, title rows or file name. */
  titles: string[];
  /** Cell values that only this kind of sheet holds. */
  values: string[];
  /**
   * What a title word weighs, where it names a thing no Party ledger is about (就餐费): more than
   * the usual, so the title alone can settle it. Only when the sheet does not name the ledger's own
   * subject as well (a 党费 title), whatever else its title says.
   */
  titleWeight?: number;
  /**
   * Words in the sheet name, title rows or file name that settle it on their own: the name of another
   * organisation (民盟, 九三学社) no Party ledger is titled with.
   */
  decisiveTitles?: string[];
}

/**
 * A staff roster (职工花名册) lists everyone with a 政治面貌: Party members beside 群众 and 共青团员.
 * Its words alone do not say so (staff-roster.ts reads its 政治面貌 column); its title adds a little.
 */
export const STAFF_ROSTER: ForeignKind = {
  id: "staff",
  title: "职工花名册（全体职工，不只是党员）",
  titleEn: "a staff roster (all staff, not only Party members)",
  decisive: [],
  headers: [],
  titles: ["职工花名册", "员工花名册", "职工名册", "员工名册", "职工信息"],
  values: [],
};

export const FOREIGN_KINDS: ForeignKind[] = [
  {
    id: "democratic-party",
    title: "民主党派或统战人员名单",
    titleEn: "a list of democratic-party or united-front members",
    // A 民主党派's own words: its members are 盟员 (民盟), never 党员; its name in the title settles it.
    decisive: ["民主党派", "所在党派", "党派名称", "党派内职务", "加入党派", "党派加入", "统战", "盟员", "盟内职务", "入盟"],
    headers: [["党派", 2], ["正式成员", 3], ["预备成员", 3], ["无党派", 3], ["党外", 2]],
    titles: ["民主党派", "党派成员", "统战", "无党派", "党外代表", "人大代表", "政协委员"],
    values: ["致公党", "民盟", "民建", "民进", "农工党", "九三学社", "台盟", "民革", "正式成员", "预备成员", "盟员", "社员"],
    // The short names 民革 / 民建 / 民进 sit inside common words (人民革命, 居民建房, 居民进行), and 盟委 is a CPC
    // committee in Inner Mongolia (锡林郭勒盟委): only the unmistakable names.
    decisiveTitles: ["民盟", "中国民主同盟", "民主建国会", "民主促进会", "国民党革命委员会", "农工民主党", "致公党", "九三学社", "台湾民主自治同盟", "台盟", "盟员"],
  },
  {
    id: "staff-kpi",
    title: "企业员工的绩效考核表（不是党内的考核或测评）",
    titleEn: "a company's staff performance (KPI) sheet (not a Party assessment)",
    // A company's KPI sheet weighs business results (销售额, 回款率) and pays by them (年终系数): no Party assessment,
    // 民主测评 or 述职评议 has such a column. Not 绩效工资 or 奖金: a 党费 base lists those pay items.
    decisive: ["销售额", "销售业绩", "回款", "年终系数", "KPI"],
    headers: [["绩效等级", 2], ["目标值", 1.5], ["完成值", 1.5], ["客户满意度", 2], ["岗位", 0.5]],
    titles: ["员工绩效", "绩效考核", "KPI"],
    values: [],
  },
  {
    id: "training",
    title: "培训或参训人员名单",
    titleEn: "a training or trainee list",
    decisive: ["参训", "培训班", "学员", "选课", "退课", "研修", "专题班", "课程编号", "课程名称", "授课方式"],
    headers: [["签到", 1], ["培训形式", 2], ["培训地点", 2], ["培训成绩", 2], ["培训内容", 2], ["主办单位", 1.5], ["主办方", 1.5], ["学时", 1], ["结业", 1], ["年度学习任务", 2], ["主讲人类别", 2]],
    titles: ["培训", "参训", "研修", "课程", "学员", "选课", "签到"],
    values: ["线下培训", "线上培训", "专题培训", "日常培训", "校外培训"],
  },
  {
    id: "cadre",
    title: "干部任职或干部信息表",
    titleEn: "a cadre post or cadre file sheet",
    // A 干部任免审批表 (or 呈报表) names the post a cadre leaves and the one proposed: 原任 / 拟任（免）职务, 任免文号;
    // a promotion or appointment notice (职级晋升拟任人选公示, 任前公示) names the post or rank proposed: no ledger of ours does.
    decisive: ["干部类别", "干部类型", "任职始任", "职务属性", "行政级别", "岗位级别", "双肩挑", "兼职单位", "兼任职务", "兼任单位", "任副处", "任正处", "关联岗位", "是否占职数", "是否正职", "干部岗位", "拟任", "拟免", "任免", "拟晋升", "拟提拔"],
    // 任现职时间 (the day a cadre took the present post) is a cadre file's item; a Party roster dates only Party events.
    headers: [["任职日期", 2], ["任职时间", 1.5], ["离任时间", 1.5], ["任职单位", 2], ["所在单位及职务", 1.5], ["时任单位及职务", 1.5], ["职称", 1], ["是否取酬", 2], ["审批单位", 1], ["任现职", 2.5], ["任现级", 2.5], ["原任职务", 2], ["原职务", 1.5], ["文号", 1]],
    titles: ["干部", "任职", "兼职", "岗位", "组织员", "考察对象", "个人有关事项", "任免", "职级晋升", "拟任人选", "任前公示", "拟提拔"],
    values: ["处级干部", "科级干部", "机关干部", "院系干部", "正处级", "副处级"],
  },
  {
    id: "account",
    title: "系统账号或管理员名单",
    titleEn: "a system account or administrator list",
    decisive: ["密码", "账号"],
    // 是否是管理员 also sits on lists of committee members (基层党组织领导班子成员): weight, not proof.
    headers: [["是否是管理员", 2], ["人员类型", 1], ["电子邮箱", 1], ["办公电话", 1], ["健康状况", 1], ["熟悉专业", 2]],
    titles: ["账号", "管理员", "协同办公"],
    values: [],
  },
  {
    id: "organisation",
    title: "党组织或内设机构信息表",
    titleEn: "a list of Party organisations or units",
    decisive: ["单位编号", "新单位编码", "新岗位编码", "单位网址", "支部类别", "是否是教工党支部", "是否建立在团队", "是否独立法人", "党总支类别", "组织类别", "是否历史党校", "二级党校"],
    headers: [["成立时间", 1.5], ["简称", 2], ["单位类型", 2], ["所在单位属性", 2], ["传真", 1], ["邮箱", 1], ["联系地址", 1], ["是否当前委员会", 2]],
    titles: ["内设机构", "党支部录入", "基层党组织录入", "党校", "委员会和领导小组", "民主党派录入"],
    values: [],
  },
  {
    id: "passport",
    title: "因私出国（境）证件记录",
    titleEn: "a passport or travel document record",
    decisive: ["证件类型", "发证机关", "持有人", "签注", "出行", "保险柜"],
    headers: [["证件号码", 2], ["有效期", 1.5], ["集中保管", 2]],
    titles: ["出国（境）", "出国(境)", "证件"],
    values: ["因私普通护照"],
  },
  {
    id: "recruitment",
    title: "招聘岗位或竞聘名单",
    titleEn: "a recruitment list",
    decisive: ["招聘", "竞聘", "报名开启", "报名结束"],
    headers: [["岗位名称", 2], ["岗位要求", 2], ["主要职责", 2]],
    titles: ["招聘", "竞聘"],
    values: [],
  },
  {
    id: "union-league",
    title: "工会、共青团或妇联的会员名单或会费台账",
    titleEn: "a trade-union, Youth League or women's federation list or dues ledger",
    // 会费 and 团费 are never 党费; a 发展党员 record may ask 是否团员, so 团 words only weigh.
    decisive: ["会费", "团费", "会员证号", "会员编号", "团员编号"],
    headers: [["入团时间", 3], ["入团日期", 3], ["团龄", 3], ["团籍", 3], ["团内职务", 3], ["会员", 2], ["入会时间", 3]],
    titles: ["工会", "会费", "团员", "共青团", "团支部", "团委", "妇联", "会员"],
    values: ["共青团员", "团员"],
  },
  {
    id: "volunteer",
    title: "志愿服务或文明实践活动记录",
    titleEn: "a volunteer service or civic activity record",
    decisive: ["服务时长", "志愿服务时长", "志愿者编号", "服务时数"],
    headers: [["志愿者", 2], ["服务对象", 2], ["服务内容", 2], ["服务类别", 2]],
    titles: ["志愿服务", "志愿者", "文明实践"],
    values: [],
  },
  {
    id: "election",
    title: "选举候选人或代表名单",
    titleEn: "an election candidate or delegate list",
    // 当选时间 also heads a committee's list of its members (支委会成员): weight, not proof.
    decisive: ["得票总数", "推荐提名", "提名的党支部数", "当选届次"],
    headers: [["正式党员票数", 2], ["预备党员票数", 2], ["推荐人类型", 2], ["当选时间", 1.5], ["候选人", 2]],
    titles: ["候选人", "党代表", "两委委员"],
    values: [],
  },
  {
    id: "welfare",
    title: "走访慰问、帮扶或补助名单",
    titleEn: "a list of visits, welfare payments or support",
    // What a list of an activity for members is for: the money or goods given, and who signed for them.
    decisive: ["慰问金", "慰问品", "慰问物品", "慰问类别", "慰问标准", "慰问金额", "补助金额", "补助标准", "救助金额", "帮扶措施", "帮扶责任人", "领取人签字", "领取签字"],
    headers: [["慰问", 3], ["走访", 2], ["补助", 2], ["帮扶", 2], ["救助", 2], ["困难情况", 2], ["领取", 1.5], ["签字", 1]],
    titles: ["慰问", "走访", "帮扶", "补助", "救助", "困难党员"],
    values: ["困难党员", "生活困难党员", "老党员慰问"],
  },
  {
    id: "commendation",
    title: "表彰、评选或推荐名单",
    titleEn: "a list of commendations, selections or nominations",
    // What such a list is for: the honour and the deeds behind it, words no ledger of ours has as a column.
    decisive: ["先进事迹", "主要事迹", "事迹简介", "推荐理由", "荣誉称号", "表彰类别", "拟表彰", "拟推荐", "获奖名称", "奖励名称"],
    headers: [["事迹", 2], ["表彰", 2], ["荣誉", 2], ["获奖", 2], ["推荐", 1.5]],
    titles: ["表彰", "评选", "拟推荐", "推荐人选", "先进个人", "荣誉"],
    values: [],
  },
  {
    id: "transfer",
    title: "组织关系转接登记",
    titleEn: "a register of Party membership transfers",
    // A transfer book records each 介绍信 and the units on both sides; a roster says only when a member came or left.
    decisive: ["介绍信", "转接日期", "转接时间"],
    headers: [["转出单位", 2], ["转入单位", 2], ["转出党组织", 2], ["转入党组织", 2], ["转接", 2], ["接收单位", 1.5]],
    titles: ["组织关系转接", "关系转接", "转接登记", "转移接续", "介绍信"],
    values: [],
  },
  {
    id: "points",
    title: "党员积分或先锋指数统计表",
    titleEn: "a members' points table",
    // 积分 are a local scheme's marks, month by month; 民主评议 grades a member once a year and counts no points.
    decisive: ["先锋指数"],
    headers: [["积分", 3]],
    titles: ["积分", "先锋指数"],
    values: [],
  },
  {
    id: "charges",
    title: "伙食费、水电费等代扣费用明细",
    titleEn: "a list of meal, utility or other charges",
    // A month-by-month list of what was deducted from pay for meals or utilities: money by month, never 党费.
    decisive: ["餐费", "就餐费", "伙食费", "水电费", "物业费", "停车费", "房租"],
    headers: [["就餐", 3], ["食堂", 2], ["伙食", 3], ["水费", 1.5], ["电费", 1.5]],
    titles: ["就餐费", "餐费", "伙食费", "水电费", "物业费", "停车费", "房租"],
    values: [],
    titleWeight: 3.5,
  },
  {
    id: "staff-appraisal",
    title: "单位职工的年度考核或职业道德考评（不是党内的评议或考核）",
    titleEn: "a unit's staff appraisal or professional-ethics rating (not a Party appraisal)",
    // A school's or a hospital's own appraisal of all its staff (教职工年度考核, 医德医风考评) grades teachers and
    // doctors by their 职称, Party members or not: no 民主评议, no 干部考核, no 党组织 rating.
    decisive: ["医德医风", "师德师风"],
    headers: [["学科", 1], ["职称", 1], ["救死扶伤", 2], ["廉洁行医", 2], ["教书育人", 2]],
    titles: ["教职工年度考核", "教职工考核", "职工年度考核", "员工年度考核", "医德医风", "师德师风", "医务人员考评", "医务人员考核"],
    values: ["一级教师", "二级教师", "三级教师", "高级教师", "正高级教师", "住院医师", "主治医师", "副主任医师", "主任医师", "主管护师", "副主任护师", "主任护师"],
    titleWeight: 3.5,
  },
  STAFF_ROSTER,
];
