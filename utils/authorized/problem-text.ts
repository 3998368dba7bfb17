import { defineMessages, translate, type Locale } from '@/utils/i18n/locale';
import type { ImportProblem, ProblemCode } from '@/utils/model/authorized-list';

// What each problem code says, in both languages; `{name}` placeholders come from the problem's params.
export const problemMessages = defineMessages<ProblemCode>({
  en: {
    'missing-column': 'Missing column "{column}" in the header row',
    'missing-field': 'Required field "{field}" is empty or missing',
    'not-text': 'Field "{field}" must be text or a number',
    'bad-price': 'Price "{value}" is not a number of yuan (e.g. 269.00)',
    'unknown-platform': 'Unknown platform "{value}" (expected taobao, tmall, jd or pdd)',
    'bad-date': 'Date "{value}" is not a real date in the form YYYY-MM-DD',
    'date-order': 'validFrom {from} is after validTo {to}',
    'needs-seller-key': 'A seller needs at least one of shopId, sellerId, shopName',
    'needs-product-rule': 'A product needs at least one keyword or item id',
    'bad-id': 'Id {value} lost digits as a number cell; format the column as text',
    'duplicate-seller': 'Duplicate seller ({key}); first listed at row {firstRow}',
    'duplicate-product': 'Duplicate product code "{value}"; first listed at row {firstRow}',
    'empty-file': 'The file is empty',
    'invalid-json': 'Invalid or truncated JSON at position {position} (line {line}, column {col}): {detail}',
    'wrong-format': 'Not an authorized list: "format" must be "listingproof-authorized-list"',
    'unsupported-version': 'Unsupported formatVersion {value} (expected 1)',
    'unknown-file-type': 'Unknown file type "{name}" (expected .json, .csv or .xlsx)',
    'unknown-csv-header': 'The header row matches neither the sellers nor the products fields',
    'duplicate-half': 'Two files hold the {half}; choose one of each',
    'mixed-files': 'Choose one JSON file, one XLSX file, or up to two CSV files',
    'missing-sheet': 'The workbook has no sheet named "sellers" or "products"',
    'unreadable-file': 'The file cannot be read: {detail}',
    'too-many-problems': 'Only the first {shown} of {total} problems are listed',
    'no-files': 'No file was chosen',
    'insecure-url': 'The list URL must use https (http only for localhost)',
    'too-large': 'The list is larger than the limit of {maxBytes} bytes',
    'http-status': 'The server answered HTTP {status}',
  },
  'zh-CN': {
    'missing-column': '表头缺少列“{column}”',
    'missing-field': '必填字段“{field}”为空或缺失',
    'not-text': '字段“{field}”必须是文本或数字',
    'bad-price': '价格“{value}”不是有效的人民币金额（例如 269.00）',
    'unknown-platform': '未知平台“{value}”（应为 taobao、tmall、jd 或 pdd）',
    'bad-date': '日期“{value}”无效，格式应为 YYYY-MM-DD',
    'date-order': '开始日期 validFrom {from} 晚于结束日期 validTo {to}',
    'needs-seller-key': '店铺至少需要 shopId、sellerId、shopName 之一',
    'needs-product-rule': '商品至少需要一个关键词或商品 ID',
    'bad-id': 'ID {value} 作为数字单元格已丢失位数，请将该列设为文本格式',
    'duplicate-seller': '重复的店铺（{key}），首次出现在第 {firstRow} 行',
    'duplicate-product': '重复的商品编码“{value}”，首次出现在第 {firstRow} 行',
    'empty-file': '文件为空',
    'invalid-json': 'JSON 无效或不完整，位置 {position}（第 {line} 行，第 {col} 列）：{detail}',
    'wrong-format': '不是授权名单：“format”应为“listingproof-authorized-list”',
    'unsupported-version': '不支持的 formatVersion {value}（应为 1）',
    'unknown-file-type': '未知文件类型“{name}”（应为 .json、.csv 或 .xlsx）',
    'unknown-csv-header': '表头既不是店铺字段也不是商品字段',
    'duplicate-half': '有两个文件都是{half}，请各选一个',
    'mixed-files': '请选择一个 JSON 文件、一个 XLSX 文件或最多两个 CSV 文件',
    'missing-sheet': '工作簿中没有名为“sellers”或“products”的工作表',
    'unreadable-file': '无法读取文件：{detail}',
    'too-many-problems': '共 {total} 个问题，仅列出前 {shown} 个',
    'no-files': '未选择文件',
    'insecure-url': '名单地址必须使用 https（仅 localhost 可用 http）',
    'too-large': '名单超过大小上限 {maxBytes} 字节',
    'http-status': '服务器返回 HTTP {status}',
  },
});

/** The problem's message in `locale` (defaults to the UI language). */
export function problemText(problem: Pick<ImportProblem, 'code' | 'field' | 'params'>, locale?: Locale): string {
  return translate(problemMessages, problem.code, { field: problem.field, ...problem.params }, locale);
}
