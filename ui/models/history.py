"""The audit trail of one household, as a read-only table (newest first)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from resettle.services.register.labels import ACTION_LABELS, entity_label, field_label
from resettle.services.register.records import HistoryEntry
from ui.i18n import QT_TRANSLATE_NOOP

COL_TIME, COL_USER, COL_ACTION, COL_ENTITY, COL_FIELD, COL_OLD, COL_NEW, COL_REASON = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("HistoryModel", "时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "用户"),
    QT_TRANSLATE_NOOP("HistoryModel", "操作"),
    QT_TRANSLATE_NOOP("HistoryModel", "对象"),
    QT_TRANSLATE_NOOP("HistoryModel", "字段"),
    QT_TRANSLATE_NOOP("HistoryModel", "原值"),
    QT_TRANSLATE_NOOP("HistoryModel", "新值"),
    QT_TRANSLATE_NOOP("HistoryModel", "原因"),
)


# The action, object and field names of resettle.services.register.labels, translated where the history shows them
# (tests/ui/test_translation_complete.py checks every one is here).
HISTORY_NAMES = (
    QT_TRANSLATE_NOOP("HistoryModel", "新增"),
    QT_TRANSLATE_NOOP("HistoryModel", "修改"),
    QT_TRANSLATE_NOOP("HistoryModel", "删除"),
    QT_TRANSLATE_NOOP("HistoryModel", "项目"),
    QT_TRANSLATE_NOOP("HistoryModel", "村"),
    QT_TRANSLATE_NOOP("HistoryModel", "村民小组"),
    QT_TRANSLATE_NOOP("HistoryModel", "户"),
    QT_TRANSLATE_NOOP("HistoryModel", "成员"),
    QT_TRANSLATE_NOOP("HistoryModel", "地块"),
    QT_TRANSLATE_NOOP("HistoryModel", "房屋"),
    QT_TRANSLATE_NOOP("HistoryModel", "附着物"),
    QT_TRANSLATE_NOOP("HistoryModel", "补偿标准"),
    QT_TRANSLATE_NOOP("HistoryModel", "补偿规则"),
    QT_TRANSLATE_NOOP("HistoryModel", "项目补偿标准"),
    QT_TRANSLATE_NOOP("HistoryModel", "补偿结果"),
    QT_TRANSLATE_NOOP("HistoryModel", "补偿明细"),
    QT_TRANSLATE_NOOP("HistoryModel", "补偿调整"),
    QT_TRANSLATE_NOOP("HistoryModel", "文书"),
    QT_TRANSLATE_NOOP("HistoryModel", "账户"),
    QT_TRANSLATE_NOOP("HistoryModel", "协议"),
    QT_TRANSLATE_NOOP("HistoryModel", "协议明细"),
    QT_TRANSLATE_NOOP("HistoryModel", "分期"),
    QT_TRANSLATE_NOOP("HistoryModel", "兑付批次"),
    QT_TRANSLATE_NOOP("HistoryModel", "兑付"),
    QT_TRANSLATE_NOOP("HistoryModel", "要件"),
    QT_TRANSLATE_NOOP("HistoryModel", "安置小区"),
    QT_TRANSLATE_NOOP("HistoryModel", "安置房"),
    QT_TRANSLATE_NOOP("HistoryModel", "安置标准"),
    QT_TRANSLATE_NOOP("HistoryModel", "安置户"),
    QT_TRANSLATE_NOOP("HistoryModel", "不计安置人口"),
    QT_TRANSLATE_NOOP("HistoryModel", "选房"),
    QT_TRANSLATE_NOOP("HistoryModel", "抽签"),
    QT_TRANSLATE_NOOP("HistoryModel", "交房"),
    QT_TRANSLATE_NOOP("HistoryModel", "劳动年龄设置"),
    QT_TRANSLATE_NOOP("HistoryModel", "劳动力状况"),
    QT_TRANSLATE_NOOP("HistoryModel", "就业记录"),
    QT_TRANSLATE_NOOP("HistoryModel", "培训课程"),
    QT_TRANSLATE_NOOP("HistoryModel", "培训报名"),
    QT_TRANSLATE_NOOP("HistoryModel", "岗位"),
    QT_TRANSLATE_NOOP("HistoryModel", "岗位推荐"),
    QT_TRANSLATE_NOOP("HistoryModel", "回访"),
    QT_TRANSLATE_NOOP("HistoryModel", "社保标准"),
    QT_TRANSLATE_NOOP("HistoryModel", "社保年龄段"),
    QT_TRANSLATE_NOOP("HistoryModel", "社保参保"),
    QT_TRANSLATE_NOOP("HistoryModel", "程序步骤"),
    QT_TRANSLATE_NOOP("HistoryModel", "程序设置"),
    QT_TRANSLATE_NOOP("HistoryModel", "佐证材料"),
    QT_TRANSLATE_NOOP("HistoryModel", "信访/异议"),
    QT_TRANSLATE_NOOP("HistoryModel", "公示记录"),
    QT_TRANSLATE_NOOP("HistoryModel", "节假日年度"),
    QT_TRANSLATE_NOOP("HistoryModel", "节假日"),
    QT_TRANSLATE_NOOP("HistoryModel", "户号"),
    QT_TRANSLATE_NOOP("HistoryModel", "户主"),
    QT_TRANSLATE_NOOP("HistoryModel", "联系电话"),
    QT_TRANSLATE_NOOP("HistoryModel", "地址"),
    QT_TRANSLATE_NOOP("HistoryModel", "开户银行"),
    QT_TRANSLATE_NOOP("HistoryModel", "银行账号"),
    QT_TRANSLATE_NOOP("HistoryModel", "标签"),
    QT_TRANSLATE_NOOP("HistoryModel", "状态"),
    QT_TRANSLATE_NOOP("HistoryModel", "备注"),
    QT_TRANSLATE_NOOP("HistoryModel", "姓名"),
    QT_TRANSLATE_NOOP("HistoryModel", "身份证号码"),
    QT_TRANSLATE_NOOP("HistoryModel", "与户主关系"),
    QT_TRANSLATE_NOOP("HistoryModel", "性别"),
    QT_TRANSLATE_NOOP("HistoryModel", "出生日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "户口性质"),
    QT_TRANSLATE_NOOP("HistoryModel", "安置人口"),
    QT_TRANSLATE_NOOP("HistoryModel", "地类"),
    QT_TRANSLATE_NOOP("HistoryModel", "面积(亩)"),
    QT_TRANSLATE_NOOP("HistoryModel", "地块编号"),
    QT_TRANSLATE_NOOP("HistoryModel", "承包合同号"),
    QT_TRANSLATE_NOOP("HistoryModel", "结构"),
    QT_TRANSLATE_NOOP("HistoryModel", "建筑面积(㎡)"),
    QT_TRANSLATE_NOOP("HistoryModel", "用途"),
    QT_TRANSLATE_NOOP("HistoryModel", "合法性"),
    QT_TRANSLATE_NOOP("HistoryModel", "建成年份"),
    QT_TRANSLATE_NOOP("HistoryModel", "装修评估价(元)"),
    QT_TRANSLATE_NOOP("HistoryModel", "种类"),
    QT_TRANSLATE_NOOP("HistoryModel", "数量"),
    QT_TRANSLATE_NOOP("HistoryModel", "单位"),
    QT_TRANSLATE_NOOP("HistoryModel", "规格"),
    QT_TRANSLATE_NOOP("HistoryModel", "登记日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "序号"),
    QT_TRANSLATE_NOOP("HistoryModel", "导入批次"),
    QT_TRANSLATE_NOOP("HistoryModel", "批准文号"),
    QT_TRANSLATE_NOOP("HistoryModel", "批准日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "预公告日（截止日）"),
    QT_TRANSLATE_NOOP("HistoryModel", "基准日"),
    QT_TRANSLATE_NOOP("HistoryModel", "公示天数"),
    QT_TRANSLATE_NOOP("HistoryModel", "乡镇"),
    QT_TRANSLATE_NOOP("HistoryModel", "征迁办"),
    QT_TRANSLATE_NOOP("HistoryModel", "征迁办电话"),
    QT_TRANSLATE_NOOP("HistoryModel", "签约地点"),
    QT_TRANSLATE_NOOP("HistoryModel", "监督电话"),
    QT_TRANSLATE_NOOP("HistoryModel", "标准版本"),
    QT_TRANSLATE_NOOP("HistoryModel", "合计(元)"),
    QT_TRANSLATE_NOOP("HistoryModel", "金额(元)"),
    QT_TRANSLATE_NOOP("HistoryModel", "明细摘要"),
    QT_TRANSLATE_NOOP("HistoryModel", "计算依据摘要"),
    QT_TRANSLATE_NOOP("HistoryModel", "计算时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "计算人"),
    QT_TRANSLATE_NOOP("HistoryModel", "复核时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "复核人"),
    QT_TRANSLATE_NOOP("HistoryModel", "签约日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "过渡月数"),
    QT_TRANSLATE_NOOP("HistoryModel", "支付对象"),
    QT_TRANSLATE_NOOP("HistoryModel", "原因"),
    QT_TRANSLATE_NOOP("HistoryModel", "创建时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "创建人"),
    QT_TRANSLATE_NOOP("HistoryModel", "规则编码"),
    QT_TRANSLATE_NOOP("HistoryModel", "依据"),
    QT_TRANSLATE_NOOP("HistoryModel", "单价(元)"),
    QT_TRANSLATE_NOOP("HistoryModel", "算式"),
    QT_TRANSLATE_NOOP("HistoryModel", "编码"),
    QT_TRANSLATE_NOOP("HistoryModel", "条件"),
    QT_TRANSLATE_NOOP("HistoryModel", "最低"),
    QT_TRANSLATE_NOOP("HistoryModel", "最高"),
    QT_TRANSLATE_NOOP("HistoryModel", "版本"),
    QT_TRANSLATE_NOOP("HistoryModel", "生效日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "依据文件"),
    QT_TRANSLATE_NOOP("HistoryModel", "基于"),
    QT_TRANSLATE_NOOP("HistoryModel", "发布时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "发布人"),
    QT_TRANSLATE_NOOP("HistoryModel", "设定时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "设定人"),
    QT_TRANSLATE_NOOP("HistoryModel", "字号"),
    QT_TRANSLATE_NOOP("HistoryModel", "年度"),
    QT_TRANSLATE_NOOP("HistoryModel", "编号"),
    QT_TRANSLATE_NOOP("HistoryModel", "范围"),
    QT_TRANSLATE_NOOP("HistoryModel", "出具时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "出具人"),
    QT_TRANSLATE_NOOP("HistoryModel", "内容快照"),
    QT_TRANSLATE_NOOP("HistoryModel", "打印次数"),
    QT_TRANSLATE_NOOP("HistoryModel", "最近打印时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "最近打印人"),
    QT_TRANSLATE_NOOP("HistoryModel", "角色"),
    QT_TRANSLATE_NOOP("HistoryModel", "密码（散列）"),
    QT_TRANSLATE_NOOP("HistoryModel", "启用"),
    QT_TRANSLATE_NOOP("HistoryModel", "登录失败次数"),
    QT_TRANSLATE_NOOP("HistoryModel", "锁定至"),
    QT_TRANSLATE_NOOP("HistoryModel", "须改密码"),
    QT_TRANSLATE_NOOP("HistoryModel", "改密时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "最近登录"),
    QT_TRANSLATE_NOOP("HistoryModel", "安置方式"),
    QT_TRANSLATE_NOOP("HistoryModel", "付款计划"),
    QT_TRANSLATE_NOOP("HistoryModel", "腾房日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "期次"),
    QT_TRANSLATE_NOOP("HistoryModel", "比例(%)"),
    QT_TRANSLATE_NOOP("HistoryModel", "付款日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "批次号"),
    QT_TRANSLATE_NOOP("HistoryModel", "笔数"),
    QT_TRANSLATE_NOOP("HistoryModel", "银行格式"),
    QT_TRANSLATE_NOOP("HistoryModel", "审计链头"),
    QT_TRANSLATE_NOOP("HistoryModel", "回单校验值"),
    QT_TRANSLATE_NOOP("HistoryModel", "回单时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "结果"),
    QT_TRANSLATE_NOOP("HistoryModel", "失败原因"),
    QT_TRANSLATE_NOOP("HistoryModel", "结果时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "文件名"),
    QT_TRANSLATE_NOOP("HistoryModel", "SHA-256"),
    QT_TRANSLATE_NOOP("HistoryModel", "大小"),
    QT_TRANSLATE_NOOP("HistoryModel", "添加人"),
    QT_TRANSLATE_NOOP("HistoryModel", "添加时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "存放位置"),
    QT_TRANSLATE_NOOP("HistoryModel", "承诺交房日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "楼号"),
    QT_TRANSLATE_NOOP("HistoryModel", "层"),
    QT_TRANSLATE_NOOP("HistoryModel", "房号"),
    QT_TRANSLATE_NOOP("HistoryModel", "户型"),
    QT_TRANSLATE_NOOP("HistoryModel", "冻结原因"),
    QT_TRANSLATE_NOOP("HistoryModel", "人均安置面积(㎡)"),
    QT_TRANSLATE_NOOP("HistoryModel", "每户最低安置面积(㎡)"),
    QT_TRANSLATE_NOOP("HistoryModel", "安置价(元/㎡)"),
    QT_TRANSLATE_NOOP("HistoryModel", "超出面积分档(㎡)"),
    QT_TRANSLATE_NOOP("HistoryModel", "超出面积单价(元/㎡)"),
    QT_TRANSLATE_NOOP("HistoryModel", "不足面积退还单价(元/㎡)"),
    QT_TRANSLATE_NOOP("HistoryModel", "过渡费(元/人·月)"),
    QT_TRANSLATE_NOOP("HistoryModel", "逾期过渡费倍数"),
    QT_TRANSLATE_NOOP("HistoryModel", "装修期(月)"),
    QT_TRANSLATE_NOOP("HistoryModel", "来源文件"),
    QT_TRANSLATE_NOOP("HistoryModel", "搬出日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "过号"),
    QT_TRANSLATE_NOOP("HistoryModel", "第几套"),
    QT_TRANSLATE_NOOP("HistoryModel", "产权人"),
    QT_TRANSLATE_NOOP("HistoryModel", "提前选房"),
    QT_TRANSLATE_NOOP("HistoryModel", "来源"),
    QT_TRANSLATE_NOOP("HistoryModel", "选房时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "经办人"),
    QT_TRANSLATE_NOOP("HistoryModel", "抽签范围"),
    QT_TRANSLATE_NOOP("HistoryModel", "种子"),
    QT_TRANSLATE_NOOP("HistoryModel", "名单摘要"),
    QT_TRANSLATE_NOOP("HistoryModel", "顺序"),
    QT_TRANSLATE_NOOP("HistoryModel", "重抽原因"),
    QT_TRANSLATE_NOOP("HistoryModel", "抽签时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "抽签人"),
    QT_TRANSLATE_NOOP("HistoryModel", "交房日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "钥匙"),
    QT_TRANSLATE_NOOP("HistoryModel", "水表读数"),
    QT_TRANSLATE_NOOP("HistoryModel", "电表读数"),
    QT_TRANSLATE_NOOP("HistoryModel", "燃气表读数"),
    QT_TRANSLATE_NOOP("HistoryModel", "流水号"),
    QT_TRANSLATE_NOOP("HistoryModel", "入住通知单号"),
    QT_TRANSLATE_NOOP("HistoryModel", "办证状态"),
    QT_TRANSLATE_NOOP("HistoryModel", "最低年龄"),
    QT_TRANSLATE_NOOP("HistoryModel", "最高年龄"),
    QT_TRANSLATE_NOOP("HistoryModel", "男性退休年龄"),
    QT_TRANSLATE_NOOP("HistoryModel", "女性退休年龄"),
    QT_TRANSLATE_NOOP("HistoryModel", "回访间隔(月)"),
    QT_TRANSLATE_NOOP("HistoryModel", "就业状态"),
    QT_TRANSLATE_NOOP("HistoryModel", "开始日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "结束日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "月收入(元)"),
    QT_TRANSLATE_NOOP("HistoryModel", "未就业起始"),
    QT_TRANSLATE_NOOP("HistoryModel", "更新时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "记录时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "培训机构"),
    QT_TRANSLATE_NOOP("HistoryModel", "学时"),
    QT_TRANSLATE_NOOP("HistoryModel", "课程"),
    QT_TRANSLATE_NOOP("HistoryModel", "出勤学时"),
    QT_TRANSLATE_NOOP("HistoryModel", "是否结业"),
    QT_TRANSLATE_NOOP("HistoryModel", "证书名称"),
    QT_TRANSLATE_NOOP("HistoryModel", "证书编号"),
    QT_TRANSLATE_NOOP("HistoryModel", "企业"),
    QT_TRANSLATE_NOOP("HistoryModel", "人数"),
    QT_TRANSLATE_NOOP("HistoryModel", "证书要求"),
    QT_TRANSLATE_NOOP("HistoryModel", "月薪(元)"),
    QT_TRANSLATE_NOOP("HistoryModel", "推荐理由"),
    QT_TRANSLATE_NOOP("HistoryModel", "推荐日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "结果日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "回访日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "年龄段"),
    QT_TRANSLATE_NOOP("HistoryModel", "起始年龄"),
    QT_TRANSLATE_NOOP("HistoryModel", "截止年龄"),
    QT_TRANSLATE_NOOP("HistoryModel", "待遇"),
    QT_TRANSLATE_NOOP("HistoryModel", "回执年龄段"),
    QT_TRANSLATE_NOOP("HistoryModel", "审核结果"),
    QT_TRANSLATE_NOOP("HistoryModel", "核对时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "应完成日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "适用"),
    QT_TRANSLATE_NOOP("HistoryModel", "地点"),
    QT_TRANSLATE_NOOP("HistoryModel", "文号"),
    QT_TRANSLATE_NOOP("HistoryModel", "截止日后婚育是否计入"),
    QT_TRANSLATE_NOOP("HistoryModel", "提前打印协议的理由"),
    QT_TRANSLATE_NOOP("HistoryModel", "提前打印协议的批准人"),
    QT_TRANSLATE_NOOP("HistoryModel", "提前打印协议的批准时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "来访人"),
    QT_TRANSLATE_NOOP("HistoryModel", "渠道"),
    QT_TRANSLATE_NOOP("HistoryModel", "类别"),
    QT_TRANSLATE_NOOP("HistoryModel", "涉及对象"),
    QT_TRANSLATE_NOOP("HistoryModel", "涉及内容"),
    QT_TRANSLATE_NOOP("HistoryModel", "公示"),
    QT_TRANSLATE_NOOP("HistoryModel", "内容"),
    QT_TRANSLATE_NOOP("HistoryModel", "受理日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "期限"),
    QT_TRANSLATE_NOOP("HistoryModel", "期限单位"),
    QT_TRANSLATE_NOOP("HistoryModel", "答复期限"),
    QT_TRANSLATE_NOOP("HistoryModel", "答复"),
    QT_TRANSLATE_NOOP("HistoryModel", "办结日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "标题"),
    QT_TRANSLATE_NOOP("HistoryModel", "日期"),
    QT_TRANSLATE_NOOP("HistoryModel", "载入时间"),
    QT_TRANSLATE_NOOP("HistoryModel", "项目名称"),
    QT_TRANSLATE_NOOP("HistoryModel", "村名"),
    QT_TRANSLATE_NOOP("HistoryModel", "组名"),
    QT_TRANSLATE_NOOP("HistoryModel", "标准名称"),
    QT_TRANSLATE_NOOP("HistoryModel", "课程名称"),
    QT_TRANSLATE_NOOP("HistoryModel", "小区名称"),
    QT_TRANSLATE_NOOP("HistoryModel", "账户名"),
    QT_TRANSLATE_NOOP("HistoryModel", "步骤"),
    QT_TRANSLATE_NOOP("HistoryModel", "节日"),
    QT_TRANSLATE_NOOP("HistoryModel", "计算状态"),
    QT_TRANSLATE_NOOP("HistoryModel", "协议状态"),
    QT_TRANSLATE_NOOP("HistoryModel", "协议种类"),
    QT_TRANSLATE_NOOP("HistoryModel", "批次状态"),
    QT_TRANSLATE_NOOP("HistoryModel", "房源状态"),
    QT_TRANSLATE_NOOP("HistoryModel", "抽签状态"),
    QT_TRANSLATE_NOOP("HistoryModel", "推荐状态"),
    QT_TRANSLATE_NOOP("HistoryModel", "劳动能力"),
    QT_TRANSLATE_NOOP("HistoryModel", "付款条件"),
    QT_TRANSLATE_NOOP("HistoryModel", "法定最短期限"),
    QT_TRANSLATE_NOOP("HistoryModel", "休/班"),
    QT_TRANSLATE_NOOP("HistoryModel", "材料种类"),
    QT_TRANSLATE_NOOP("HistoryModel", "要件种类"),
    QT_TRANSLATE_NOOP("HistoryModel", "文书种类"),
    QT_TRANSLATE_NOOP("HistoryModel", "受理编号"),
)


def local_time(ts: str) -> str:
    try:
        moment = datetime.strptime(ts, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return ts
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryEntry] = []

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self._rows[index.row()]
        match index.column():
            case 0:
                return local_time(e.ts)
            case 1:
                return f"{e.user}@{e.host}" if role == Qt.ItemDataRole.ToolTipRole else e.user
            case 2:
                return self.tr(ACTION_LABELS.get(e.action, e.action))
            case 3:
                return self.tr(entity_label(e.entity))
            case 4:
                return self.tr(field_label(e.entity, e.field))
            case 5:
                return e.old or ""
            case 6:
                return e.new or ""
            case 7:
                return e.reason
        return None

    def entry(self, row: int) -> HistoryEntry:
        return self._rows[row]
