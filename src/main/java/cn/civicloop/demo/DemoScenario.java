package cn.civicloop.demo;

import static cn.civicloop.demo.DemoAppeal.step;

import java.util.List;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Urgency;

/** The demo appeals: every channel and every stage of the loop, on roads and places of the district. */
final class DemoScenario {

    private DemoScenario() {
    }

    static List<DemoAppeal> appeals() {
        return List.of(
                new DemoAppeal(Channel.HOTLINE_12345, AppealKind.HELP, Urgency.NORMAL, "广济路路灯连续多晚不亮",
                        "广济路中段十几盏路灯连续一周晚上不亮，周边两千多户居民夜间出行很不方便，老人孩子容易摔倒。",
                        "广济路中段", 2, 3, "王秀兰", "13863211001", List.of(
                                step("dispatcher", "assign", "ZFJ"), step("zfj", "sign"),
                                step("zfj", "reply", "已联系路灯维护单位更换线路和灯具，全部路灯恢复照明。"),
                                step("officer", "approve"), step("officer", "follow-up", "SATISFIED"),
                                step("officer", "close"))),
                new DemoAppeal(Channel.WECHAT, AppealKind.COMPLAINT, Urgency.NORMAL, "君山东路雨后积水严重",
                        "每次下雨君山东路与建设北路路口附近积水没过脚踝，雨水井好像堵了，车辆经过溅得行人一身水。",
                        "君山东路与建设北路路口", -3, 6, "刘建国", "13906320002", List.of(
                                step("operator", "register"), step("dispatcher", "assign", "ZJJ"),
                                step("zjj", "sign"))),
                new DemoAppeal(Channel.WEBSITE, AppealKind.COMPLAINT, Urgency.NORMAL, "建设北路工地夜间施工噪音扰民",
                        "建设北路东侧工地每天晚上十一点以后还在打桩，严重影响休息，孩子第二天还要上学。",
                        "建设北路东侧在建工地", 6, 1, "陈静", "15006321003", List.of(
                                step("operator", "register"), step("dispatcher", "assign", "ZFJ"),
                                step("zfj", "sign"),
                                step("zfj", "reply", "已现场检查并责令工地夜间22点后停止高噪声作业，工地已签承诺书。"))),
                new DemoAppeal(Channel.GRID_WORKER, AppealKind.REPORT, Urgency.NORMAL, "光明路菜市场周边占道经营",
                        "网格巡查发现光明路菜市场南门外有十余个摊位占用人行道和机动车道经营，早高峰通行困难。",
                        "光明路菜市场南门", -5, -4, "网格员赵磊", "13963210004", List.of(
                                step("operator", "register"), step("dispatcher", "assign", "ZFJ"))),
                new DemoAppeal(Channel.HOTLINE_12345, AppealKind.COMPLAINT, Urgency.NORMAL, "小区垃圾清运不及时",
                        "中心街道辖区一老旧小区垃圾桶已经满了三天没人清运，气味很大，夏天蚊蝇多。",
                        "中心街道青檀路老旧小区", 1, -2, "孙桂英", "13863211005", List.of(
                                step("dispatcher", "assign", "JD-ZX"), step("jd-zx", "sign"),
                                step("jd-zx", "reply", "已协调环卫公司当日清运，并将该小区清运频次调整为每日两次。"),
                                step("officer", "approve"))),
                new DemoAppeal(Channel.ROAD_CHIEF, AppealKind.REPORT, Urgency.URGENT, "龙山路人行道井盖缺失",
                        "路长巡查发现龙山路人行道上一处雨水井盖缺失，已临时设置警示锥，需尽快补装。",
                        "龙山路与文化路交叉口西50米", -2, -7, "路长李伟", "13906321006", List.of(
                                step("operator", "register"), step("dispatcher", "assign", "ZJJ"),
                                step("zjj", "return", "雨水井盖属市政设施，由综合行政执法局市政中队管护。"))),
                new DemoAppeal(Channel.VILLAGE_AUX_POLICE, AppealKind.HELP, Urgency.NORMAL, "齐村镇村道路面破损",
                        "驻村辅警反映村里通往镇上的水泥路有多处坑洼，雨天电动车容易滑倒。",
                        "齐村镇村道", 40, -20, "辅警周强", "13506321007", List.of(step("operator", "register"))),
                new DemoAppeal(Channel.ONLINE_OPINION, AppealKind.COMPLAINT, Urgency.NORMAL, "网民反映工业园区夜间异味",
                        "网络舆情监测：多名网民在本地论坛反映税郭镇工业园区附近夜间有刺鼻异味，怀疑企业偷排。",
                        "税郭镇工业园区", -25, 60, null, null, List.of(
                                step("operator", "register"), step("dispatcher", "assign", "HBJ"),
                                step("hbj", "sign"))),
                new DemoAppeal(Channel.HOTLINE_12345, AppealKind.ENQUIRY, Urgency.NORMAL, "社保卡丢失如何补办",
                        "社保卡丢了，想问一下在哪里补办，需要带什么材料。", null, 0, 0, "杨丽", "18863211009", List.of(
                                step("operator", "answer", "携带本人身份证到区政务服务中心社保窗口或合作银行网点办理，当场可取临时卡。"))),
                new DemoAppeal(Channel.MEDIA_REPORTER, AppealKind.SUGGESTION, Urgency.NORMAL, "公交站牌字迹模糊",
                        "融媒体记者走访发现文化路多个公交站牌字迹褪色、线路信息过时，建议统一更新。",
                        "文化路沿线公交站", -1, -5, "记者黄敏", "13906321010", List.of(
                                step("operator", "register"), step("dispatcher", "assign", "JTJ"),
                                step("jtj", "sign"), step("jtj", "request-extension", "需统一招标制作新站牌"))),
                new DemoAppeal(Channel.NEWSPAPER, AppealKind.SUGGESTION, Urgency.NORMAL, "学校门口上下学时段交通拥堵",
                        "读者来信：实验小学门口上下学时段接送车辆乱停，建议设置临时停车区并安排交警疏导。",
                        "实验小学门口", 3, -3, "读者", null, List.of()),
                new DemoAppeal(Channel.BLOCK_POLICE, AppealKind.HELP, Urgency.NORMAL, "两车轻微剐蹭无人员受伤",
                        "110转来：建设北路两辆小客车轻微剐蹭，无人员受伤，双方同意走保险快处。",
                        "建设北路与光明路路口", 4, 2, "钱先生", "13706321012", List.of(
                                step("operator", "register"), step("dispatcher", "assign", "INS-PICC"))),
                new DemoAppeal(Channel.VIDEO_ALARM, AppealKind.REPORT, Urgency.URGENT, "视频监控发现小区燃气管道疑似泄漏",
                        "雪亮工程视频告警：某小区地下室入口附近有居民聚集并用手捂鼻，现场反映闻到燃气味。",
                        "龙山路小区地下室入口", -4, -6, null, null, List.of(
                                step("operator", "register"), step("dispatcher", "assign", "YJJ"),
                                step("yjj", "sign"))),
                new DemoAppeal(Channel.GRID_WORKER, AppealKind.REPORT, Urgency.NORMAL, "楼道堆放杂物存在消防隐患",
                        "网格员入户时发现3号楼楼道堆满纸箱和旧家具，堵塞消防通道。",
                        "矿区街道某小区3号楼", 8, -10, "网格员吴芳", "13963210014", List.of()),
                new DemoAppeal(Channel.WEBSITE, AppealKind.SUGGESTION, Urgency.NORMAL, "测试",
                        "测试测试", null, 0, 0, null, null, List.of(step("operator", "void", "无效诉求：测试信息"))));
    }
}
