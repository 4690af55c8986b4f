package cn.civicloop.cases;

/** Where an appeal came from (来源渠道) — the "unified collection" of the mission. */
public enum Channel {
    HOTLINE_12345("12345政务热线"),
    WEBSITE("政府网站"),
    WECHAT("微信公众号"),
    NEWSPAPER("报纸"),
    GRID_WORKER("网格员"),
    BLOCK_POLICE("块区民警"),
    VILLAGE_AUX_POLICE("驻村辅警"),
    ROAD_CHIEF("路长"),
    ONLINE_OPINION("网络舆情"),
    MEDIA_REPORTER("融媒体记者"),
    VIDEO_ALARM("视频告警"),
    /** A 110/122 call the police desk handed to a linked agency (社会联动分流). */
    POLICE_110("110社会联动"),
    /** An outside reporting system speaking Open311 GeoReport v2 (城市服务平台、第三方报事应用). */
    OPEN311("Open311接入");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
