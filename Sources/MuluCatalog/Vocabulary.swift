/// The vocabularies of docs/format.md.
public enum Vocabulary {
  public static let sharingTypes = ["无条件共享", "有条件共享", "不予共享"]
  public static let formatClasses = ["电子文件", "电子表格", "数据库", "图形图像", "流媒体", "自描述格式", "服务接口"]
  public static let itemTypes = ["C", "N", "Y", "D", "T", "L", "M", "G", "B", "I", "F"]
  public static let itemTypesNeedingLength: Set<String> = ["C", "N"]
  public static let methodClasses = ["共享平台方式", "邮件或介质"]
  public static let methodTypes = ["接口", "数据库", "文件"]
  /// From fastest to slowest.
  public static let updateCycles = ["实时", "每日", "每周", "每月", "每季度", "每半年", "每年", "不定期"]
  public static let levels = ["national", "provincial", "municipal", "county"]
  public static let departmentStatuses = ["active", "dissolved"]
}
