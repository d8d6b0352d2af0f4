<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CityHealth</name>
    <message>
      <location filename="../cityhealth_plugin/core/survey/pipeline_step.py" />
      <source>  demo data package: the demo population shares are used for weighting.</source>
      <translation>  示例数据包：使用示例人口构成加权。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>  error {code}: {message}</source>
      <translation>  错误 {code}：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>  skipped {item}: {reason}</source>
      <translation>  跳过 {item}：{reason}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>  warning: {message}</source>
      <translation>  警告：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/steps.py" />
      <source>  {title}: {message}</source>
      <translation>  {title}：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>  … {done}/{total} ({code})</source>
      <translation>  … {done}/{total}（{code}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/steps.py" />
      <source> ({layer} as the land-use layer)</source>
      <translation>（以 {layer} 作为地类图斑图层）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/outline.py" />
      <source>'default_topic' '{value}' is not a topic id.</source>
      <translation>“default_topic”的值“{value}”不是专项主题编号。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>'dissolve' and 'area_field' exclude each other (merged polygons have no field value).</source>
      <translation>“dissolve”与“area_field”不能同时使用（融合后的面没有字段值）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>'facilities' must be a list of roles.</source>
      <translation>“facilities”必须是图层角色列表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/outline.py" />
      <source>'fallback' must be one of the aspect ids ({ids}), not '{value}'.</source>
      <translation>“fallback”必须是评估方面编号之一（{ids}），不能是“{value}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>'first_of' needs a non-empty list of measures.</source>
      <translation>“first_of”需要非空的度量列表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>'inputs' must map names to measures.</source>
      <translation>“inputs”必须是名称到度量的映射。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>'{attribute}' values without a population share: {values}. Add them to the population shares or recode them with the mapping's category aliases.</source>
      <translation>“{attribute}”中以下取值没有总体构成比例：{values}。请将其加入总体构成比例，或在字段对应关系的类别别名中重新归类。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>'{key}' must be a number.</source>
      <translation>“{key}”必须是数字。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>'{key}' must be positive.</source>
      <translation>“{key}”必须为正数。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/finding_actions.py" />
      <source>'{layer}' is now read as {encoding}. Run the check again.</source>
      <translation>“{layer}”现按 {encoding} 读取。请重新检查。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>'{layer}': {n} polygons smaller than {area:g} m² do not count.</source>
      <translation>“{layer}”：{n} 个面积小于 {area:g} 平方米的多边形不计入。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/importer.py" />
      <source>'{name}' is an old .xls workbook; open it in Excel or WPS and save it as .xlsx or .csv.</source>
      <translation>“{name}”是旧版 .xls 工作簿；请用 Excel 或 WPS 打开并另存为 .xlsx 或 .csv。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/importer.py" />
      <source>'{name}' is neither an .xlsx nor a .csv file.</source>
      <translation>“{name}”既不是 .xlsx 文件，也不是 .csv 文件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package.py" />
      <source>'{path}' does not exist.</source>
      <translation>“{path}”不存在。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package.py" />
      <source>'{path}' holds no vector layer with geometries.</source>
      <translation>“{path}”中没有带几何的矢量图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package.py" />
      <source>'{path}' is not a GeoPackage, shapefile or GeoJSON file.</source>
      <translation>“{path}”不是 GeoPackage、shapefile 或 GeoJSON 文件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package.py" />
      <source>'{source}' is neither a file, a folder, a PostgreSQL URI nor a saved PostgreSQL connection.</source>
      <translation>“{source}”既不是文件、文件夹、PostgreSQL 连接地址，也不是已保存的 PostgreSQL 连接。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>'{text}' is given in {typed} but the indicator is measured in {unit}.</source>
      <translation>“{text}”的单位是 {typed}，但该指标的单位是 {unit}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>'{text}' is given in {typed} but the indicator is measured in {unit}: enter {value} (the number in {unit}).</source>
      <translation>“{text}”的单位是 {typed}，但该指标的单位是 {unit}：请填写 {value}（以 {unit} 为单位的数值）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>'{text}' is not a number; enter only the number in {unit}.</source>
      <translation>“{text}”不是数字：请只填写以 {unit} 为单位的数字。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>'{text}' is not a {what} choice (one of: {choices}).</source>
      <translation>“{text}”不是{what}的选项（可选：{choices}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>'{value}' is not a number or a quoted text.</source>
      <translation>“{value}”既不是数字也不是带引号的文本。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/steps.py" />
      <source>(city name)</source>
      <translation>××市</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>(no district)</source>
      <translation>（无所属区县）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/open_package_dialog.py" />
      <source>(no saved connection: add one in the Browser panel)</source>
      <translation>（没有已保存的连接：请在浏览器面板中添加）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/role_table.py" />
      <source>(not assigned)</source>
      <translation>（未指定）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>(the Markdown and xlsx versions were written)</source>
      <translation>（已生成 Markdown 和 xlsx 版本）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/base.py" />
      <source>({n} rows in conflict.)</source>
      <translation>（共 {n} 行冲突。）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>, read as {encoding}</source>
      <translation>，按 {encoding} 读取</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/life_circle.py" />
      <source>15-minute life circle completeness</source>
      <translation>15分钟生活圈完整度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>15-minute life-circle completeness (fields 'within', 'required')</source>
      <translation>15分钟生活圈完善度（字段“within”“required”）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>201A/202A/203A go only with 0601 工业用地, 204 with 0602/0603/1201, 205 with 09; correct the code or the attribute.</source>
      <translation>201A/202A/203A 只能对应 0601 工业用地，204 对应 0602/0603/1201，205 对应 09；请更正地类编码或属性码。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>A PostgreSQL connection (shared server)</source>
      <translation>PostgreSQL 连接（共享服务器）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/messages.py" />
      <source>A Python module is missing: {name}. Install it into QGIS's Python and restart QGIS.</source>
      <translation>缺少 Python 模块：{name}。请将其安装到 QGIS 使用的 Python 中，然后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>A coverage base must be land use, a polygon layer's area or a population sum, not '{kind}'.</source>
      <translation>覆盖率的基数必须是地类用地、面图层面积或人口合计，不能是“{kind}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/methods/coverage.py" />
      <source>A coverage base must be spatial (land use, area or a layer sum), not a {kind}.</source>
      <translation>覆盖率的基数必须是空间量（用地、面积或图层字段合计），不能是 {kind}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>A coverage method needs 'facilities' (roles) or 'source_group' (land-use group).</source>
      <translation>覆盖率方法需要“facilities”（图层角色）或“source_group”（用地分组）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>A driving threshold is a travel time: choose minutes as the unit.</source>
      <translation>车行阈值是行程时间：请选择分钟为单位。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>A driving threshold is a travel time: give threshold_min.</source>
      <translation>车行阈值是行程时间：请给出 threshold_min（分钟）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/targets.py" />
      <source>A key task needs an identifier (task_id).</source>
      <translation>重点任务需要编号（task_id）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/page.py" />
      <source>A map scale must be a positive number.</source>
      <translation>比例尺必须是正数。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>A measure must be an object such as {{"landuse": "gengdi"}}, not {value!r}.</source>
      <translation>度量必须是类似 {{"landuse": "gengdi"}} 的对象，而不是 {value!r}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>A measure needs exactly one of {kinds}; got {keys}.</source>
      <translation>度量必须且只能包含 {kinds} 之一；实际为 {keys}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/reviews.py" />
      <source>A review needs a rule and a patch id.</source>
      <translation>核查记录需要规则和图斑标识码。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/docx_writer.py" />
      <source>A table needs at least one column.</source>
      <translation>表格至少需要一列。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>A value must lie in {range}.</source>
      <translation>数值须在 {range} 之内。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Above- and below-ground coordination</source>
      <translation>地上地下统筹</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Achievements (取得成效)</source>
      <translation>取得成效</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Add a .cpg file next to the .shp (same name, containing the single word {encoding}) so that every program reads the Chinese text correctly.</source>
      <translation>请在 .shp 旁添加同名 .cpg 文件（内容仅为 {encoding}），使所有软件都能正确读取中文。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Add district layer</source>
      <translation>添加分区图层</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Add invalid geometries and other data problems</source>
      <translation>加入无效几何等数据问题（“脏数据”版本）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Add one page per district (atlas)</source>
      <translation>每个行政区加一页（分区图册）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>Add row</source>
      <translation>添加行</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Add the district layer with scores to the map after a run</source>
      <translation>运行后将带得分的分区图层添加到地图</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Adds or subtracts {a} and {b}, which have different units.</source>
      <translation>对单位不同的 {a} 和 {b} 做了加减运算。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Add…</source>
      <translation>添加…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/layer_tree.py" />
      <source>Administrative units</source>
      <translation>行政区划</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Age group</source>
      <translation>年龄段</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>All computable</source>
      <translation>全部可计算</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>All departments</source>
      <translation>全部部门</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/storage.py" />
      <source>All districts</source>
      <translation>全部区县</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>All files (*)</source>
      <translation>所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>All indicators</source>
      <translation>全部指标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>All indicators of the year whose department figure differs from the computed spatial value</source>
      <translation>本年度部门填报值与空间计算值不一致的全部指标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>All inputs are there.</source>
      <translation>所需数据齐全。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>All rules</source>
      <translation>全部规则</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>All tiers</source>
      <translation>全部层级</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/facility_catchments.py" />
      <source>Allocates every resident (population point or grid cell) to the nearest facility along the road network and adds up the residents each facility serves — the catchment used to check school, clinic or market capacity. With a threshold only residents within it are allocated (the others are unserved); a threshold of 0 allocates everyone to the nearest facility. The result is the facility layer as points with the residents served and their share; optionally every resident feature with its facility and its distance (metres) or travel time (seconds).</source>
      <translation>将每个居民（人口点或人口格网）沿路网分配给最近的设施，并合计每个设施服务的居民——用于核查学校、卫生站或菜市场容量的服务范围。给定阈值时只分配阈值内的居民（其余为未服务）；阈值为 0 时所有人都分配给最近的设施。结果为设施点图层及其服务居民数和占比；可选输出每个居民要素所属的设施及其距离（米）或行程时间（秒）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>Also write the task decomposition table</source>
      <translation>同时写出任务分解表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Analyse questionnaires found next to the data package (附件4)</source>
      <translation>分析数据包旁的调查问卷（附件4）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Analyse satisfaction survey</source>
      <translation>分析满意度调查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Analysing the satisfaction survey</source>
      <translation>正在分析满意度调查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Annual report (docx)</source>
      <translation>年度总报告（docx）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Another indicator is opened.</source>
      <translation>将打开另一项指标。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Another year is opened.</source>
      <translation>将打开另一个年度。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Answer label '{label}' is mapped to {value}; scores must be 1 to 5.</source>
      <translation>选项“{label}”对应的分值为 {value}；分值必须为 1 至 5。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Answer time (seconds)</source>
      <translation>答题时长（秒）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>Answered too fast</source>
      <translation>答题时间过短</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Answers</source>
      <translation>有效回答数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/workbook_dialogs.py" />
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/workbook_dialogs.py" />
      <source>Apply is disabled: the workbook has {n} errors. Correct them in the workbook (the cells are listed above) and import it again; nothing is imported while any error remains.</source>
      <translation>无法应用：填报表有 {n} 个错误。请在填报表中改正（单元格见上表）后重新导入；只要仍有错误，就不会导入任何内容。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/workbook_dialogs.py" />
      <source>Apply writes all {n} changes in one transaction.</source>
      <translation>“应用”将在一次事务中写入全部 {n} 处修改。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Area</source>
      <translation>面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Area (hm²)</source>
      <translation>面积（公顷）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Area (m²)</source>
      <translation>面积（m²）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Area basis</source>
      <translation>面积依据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/landuse_area.py" />
      <source>Area field (empty = ellipsoidal area)</source>
      <translation>面积字段（留空 = 椭球面积）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/overlay_area.py" />
      <source>Area inside the control line (city)</source>
      <translation>控制线内面积（全市）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Area method</source>
      <translation>面积口径</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Area m²</source>
      <translation>面积（m²）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/overlay_area.py" />
      <source>Area of a land-use group of the 三调 patches (DLTB) inside control-line polygons — for example urban-rural construction land (chengxiang_jianshe) inside the ecological protection red line or the urban development boundary — for the city, each district and each sub-district. A patch partly inside counts TBDLMJ × the intersected share of its area; overlapping control polygons are merged first so that nothing counts twice. The overlap polygons are a second output, with the patch id, its codes, the share and the counted area (AREA_M2).</source>
      <translation>按全市、各区、各街道计算控制线范围内三调地类图斑（DLTB）中某地类组的面积，例如生态保护红线或城镇开发边界内的城乡建设用地（chengxiang_jianshe）。部分位于控制线内的图斑按 TBDLMJ × 相交面积比例计入；相互重叠的控制线图斑先合并，不重复计算。叠加图斑作为第二个输出，含图斑编号、地类代码、比例和计入面积（AREA_M2）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/landuse_area.py" />
      <source>Area of land-use groups of the 三调 patches (DLTB) for the whole city, each district and each sub-district, as a table. Areas are TBDLMJ (图斑地类面积) where present, else ellipsoidal areas on the CGCS2000 ellipsoid; a patch crossing a unit boundary is split by its area share. GROUPS lists group ids separated by commas; empty = every group. Groups: {groups}</source>
      <translation>按全市、各区、各街道汇总三调地类图斑（DLTB）中各地类组的面积，输出为表。面积有 TBDLMJ（图斑地类面积）时采用之，否则采用 CGCS2000 椭球面积；跨单元边界的图斑按面积比例拆分。GROUPS 为以逗号分隔的地类组标识；留空 = 全部地类组。地类组：{groups}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/landuse_area.py" />
      <source>Area unit</source>
      <translation>面积单位</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/overlay_area.py" />
      <source>Areas per unit</source>
      <translation>各单元面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Assessment</source>
      <translation>体检评估</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>Assessment conclusion</source>
      <translation>评估结论</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Assessment database</source>
      <translation>评估数据库</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>Assessment database (GeoPackage)</source>
      <translation>评估数据库（GeoPackage）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Assessment database (objective indicators by district)</source>
      <translation>评估数据库（分区客观指标）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Assessment database (optional)</source>
      <translation>体检评估数据库（可选）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Assessment database and city catalog</source>
      <translation>评估数据库和本市指标目录</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>Assessment database not found: {path}.</source>
      <translation>找不到评估数据库：{path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Assessment database of the year (default: run the assessment first)</source>
      <translation>当年体检评估数据库（默认：先运行体检评估）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Assessment database of the year (empty: run the assessment first)</source>
      <translation>当年体检评估数据库（留空：先运行体检评估）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>Assessment database settings</source>
      <translation>体检评估数据库设置</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Assessment database, your name, tolerance</source>
      <translation>体检评估数据库、姓名、容差</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Assessment database: not set (save the project or choose one with “…”).</source>
      <translation>评估数据库：未设置（请保存工程，或通过“…”选择）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Assessment database: not set (save the project, or choose one with “…”).</source>
      <translation>体检评估数据库：未设置（请保存工程，或通过“…”选择）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Assessment database: {path}</source>
      <translation>评估数据库：{path}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Assessment database: {where}</source>
      <translation>体检评估数据库：{where}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Assessment texts</source>
      <translation>评估内容</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Assessment year</source>
      <translation>评估年度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Assessment year: its forms are prepared when it is opened.</source>
      <translation>评估年度：打开年度时自动准备该年度的表单。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Assessment year: the year of the current land-use survey (DLTB)</source>
      <translation>评估年份：现状年地类图斑（DLTB）的年份</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Assign a layer of the right geometry type to this role.</source>
      <translation>请为该角色指定几何类型正确的图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>Assign at least one layer before checking.</source>
      <translation>检查前请至少指定一个图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/findings_model.py" />
      <source>Assign layer…</source>
      <translation>指定图层…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Assign the land-use survey layer (DLTB) in the Data panel first.</source>
      <translation>请先在“数据”面板中指定地类图斑图层（DLTB）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Assign the layer that holds the data for '{role}', or check the layer's filter.</source>
      <translation>请指定包含“{role}”数据的图层，或检查该图层的过滤条件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/role_status.py" />
      <source>Assigned: {layer}</source>
      <translation>已指定：{layer}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/outputs.py" />
      <source>At most 62 facility types can be checked together.</source>
      <translation>最多可同时检查 62 类设施。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>Attaching demand points to the network</source>
      <translation>正在将需求点连接到路网</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Attribute</source>
      <translation>属性</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Attribute '{name}': column '{old}' is now '{new}'.</source>
      <translation>属性“{name}”：列“{old}”现为“{new}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>Attribute needed for weighting is blank</source>
      <translation>加权所需属性为空</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>Attribute: {attribute}</source>
      <translation>属性：{attribute}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>Attribute: {names}. Shares may be fractions, percentages or counts.</source>
      <translation>属性：{names}。比例可以是小数、百分数或人数。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Audit trail</source>
      <translation>审计记录</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Audit trail ({n})</source>
      <translation>审计记录（{n}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Balance</source>
      <translation>样本均衡</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Balance tests</source>
      <translation>均衡性检验</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Balanced</source>
      <translation>是否均衡</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>Base weights must be positive numbers, one per respondent.</source>
      <translation>基础权重必须为正数，且每名受访者一个。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Base year</source>
      <translation>基期年</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>Base year: {code} {name}</source>
      <translation>基期年：{code} {name}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Base-year class code</source>
      <translation>基期地类编码</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Base-year class name</source>
      <translation>基期地类名称</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>Base-year value</source>
      <translation>基期年值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Basic (基本)</source>
      <translation>基本</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Basic database (附件5, GeoPackage)</source>
      <translation>基础数据库（附件5，GeoPackage）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>Better than the peer median</source>
      <translation>优于对标城市中位数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/schema.py" />
      <source>Big data</source>
      <translation>大数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Bootstrap lower bound</source>
      <translation>自助法区间下限</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Bootstrap upper bound</source>
      <translation>自助法区间上限</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/steps.py" />
      <source>Bottom-line compliance checks ({year})</source>
      <translation>底线管控检查（{year}年）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Bottom-line violations (from the compliance check)</source>
      <translation>底线管控问题图斑（来自底线管控检查）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>Breaks the binding limit: {value} against {limit} {unit}.</source>
      <translation>突破约束值：现状 {value}，约束值 {limit} {unit}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Building coverage (%)</source>
      <translation>建筑密度（%）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Building the road network</source>
      <translation>正在构建路网</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Buildings (建筑)</source>
      <translation>建筑</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>CRS</source>
      <translation>坐标系</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/geodesy.py" />
      <source>CRS '{crs}' is not supported for ellipsoidal measures; reproject the layer to CGCS2000 (EPSG:4490) or a CGCS2000 Gauss-Krüger CRS.</source>
      <translation>坐标参考系“{crs}”不支持椭球面量算；请将图层重投影到 CGCS2000（EPSG:4490）或 CGCS2000 高斯-克吕格投影坐标系。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/geodesy.py" />
      <source>CRS {crs} is not supported for ellipsoidal measures; reproject the layer to CGCS2000 (EPSG:4490) or a CGCS2000 Gauss-Krüger CRS (EPSG:4491–4554).</source>
      <translation>坐标参考系 {crs} 不支持椭球面量算；请将图层重投影到 CGCS2000（EPSG:4490）或 CGCS2000 高斯-克吕格投影坐标系（EPSG:4491–4554）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>CSV (*.csv)</source>
      <translation>CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>CSV encoding</source>
      <translation>CSV 编码</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/loader.py" />
      <source>CSV error: {error}</source>
      <translation>CSV 错误：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Canceled after {n} indicators: nothing was written.</source>
      <translation>计算 {n} 项指标后已取消：未写入任何结果。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/indicator_inputs.py" />
      <source>Canceled.</source>
      <translation>已取消。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Canceled: nothing was checked.</source>
      <translation>已取消：未进行任何检查。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Canceled: nothing was computed.</source>
      <translation>已取消：未计算任何指标。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Canceled: nothing was written.</source>
      <translation>已取消：未写出任何结果。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Cancelled.</source>
      <translation>已取消。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Cancelling …</source>
      <translation>正在取消……</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>Candidate sites (points)</source>
      <translation>候选选址（点）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/postgres_backend.py" />
      <source>Cannot connect to the PostgreSQL database: {error}</source>
      <translation>无法连接 PostgreSQL 数据库：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package.py" />
      <source>Cannot connect to the database '{source}': {error}</source>
      <translation>无法连接数据库“{source}”：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/units.py" />
      <source>Cannot convert {source} ({sdim}) into {target} ({tdim}).</source>
      <translation>无法将 {source}（{sdim}）换算为 {target}（{tdim}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/postgres_backend.py" />
      <source>Cannot create the CityHealth schema '{schema}' ({error}); ask the database administrator for CREATE rights or to create it once.</source>
      <translation>无法创建 CityHealth 模式“{schema}”（{error}）；请数据库管理员授予 CREATE 权限，或由其创建一次。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>Cannot create the output folder {path}: {error}</source>
      <translation>无法创建输出文件夹 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package.py" />
      <source>Cannot list the tables of the database '{source}': {error}</source>
      <translation>无法列出数据库“{source}”中的表：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package.py" />
      <source>Cannot open '{path}' as a vector layer.</source>
      <translation>无法将“{path}”作为矢量图层打开。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/sqlite_backend.py" />
      <source>Cannot open the assessment database {path}: {error}</source>
      <translation>无法打开评估数据库 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layers.py" />
      <source>Cannot open the written layer '{path}'.</source>
      <translation>无法打开已写出的图层“{path}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/importer.py" />
      <source>Cannot read sheet '{sheet}' of '{path}': {error}</source>
      <translation>无法读取“{path}”的工作表“{sheet}”：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Cannot read the data package {path}: {error}</source>
      <translation>无法读取数据包 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/status_rules.py" />
      <source>Cannot read the status rules file {path}: {error}</source>
      <translation>无法读取评价规则文件 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>Cannot replace {path} (is it open in another program?): {error}</source>
      <translation>无法替换 {path}（是否已在其他程序中打开？）：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Cannot save: {reason}</source>
      <translation>无法保存：{reason}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layers.py" />
      <source>Cannot write '{path}': {error}</source>
      <translation>无法写入“{path}”：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layers.py" />
      <source>Cannot write features to '{path}': {error}</source>
      <translation>无法向“{path}”写入要素：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>Cannot write {path}. It may be open in another program, or the folder is read-only.</source>
      <translation>无法写入 {path}。该文件可能已在其他程序中打开，或文件夹为只读。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/values.py" />
      <source>Cannot {verb} {a} and {b}.</source>
      <translation>无法将 {a} 与 {b} {verb}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Care for the elderly</source>
      <translation>养老</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Catalog</source>
      <translation>指标目录</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Catalog files (*.csv *.json)</source>
      <translation>指标体系文件 (*.csv *.json)</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/loader.py" />
      <source>Catalog files are .csv or .json, not '{suffix}'.</source>
      <translation>指标目录文件应为 .csv 或 .json，而不是“{suffix}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Catalog record</source>
      <translation>指标目录记录</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/base.py" />
      <source>Catalog row</source>
      <translation>指标体系行</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Catalog: {n} indicators.</source>
      <translation>指标目录：{n} 项指标。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/outputs.py" />
      <source>Catchments need demand points (population) in the coverage run.</source>
      <translation>计算设施服务人口需要在覆盖率计算中提供需求点（人口）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Cell</source>
      <translation>单元格</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>Changed cells</source>
      <translation>有变化的单元格</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Changed in the database since export</source>
      <translation>导出后数据库中已被修改</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Changes</source>
      <translation>变更</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/workbook_dialogs.py" />
      <source>Changes ({n}): old → new per cell</source>
      <translation>修改（{n}）：各单元格原值 → 新值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/finding_actions.py" />
      <source>Character encoding</source>
      <translation>字符编码</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Check</source>
      <translation>检查项</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Check bottom-line compliance</source>
      <translation>底线管控检查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Check that the layer covers the same city and that its CRS is declared correctly (a wrong CRS moves a layer far away).</source>
      <translation>请检查该图层是否覆盖同一城市、坐标参考系是否声明正确（坐标系错误会使图层偏移到很远的位置）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Checking compliance…</source>
      <translation>正在进行底线管控检查…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>Checking data…</source>
      <translation>正在检查数据…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/analysis.py" />
      <source>Checking sample balance</source>
      <translation>正在检查样本均衡性</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/validate_data_package.py" />
      <source>Checking the layers</source>
      <translation>正在检查图层</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Checking the workbook…</source>
      <translation>正在检查填报表…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Checking {name}</source>
      <translation>检查 {name}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Checking {n} rules</source>
      <translation>正在检查 {n} 项规则</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Checks</source>
      <translation>检查情况</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Checks (empty = all)</source>
      <translation>检查项（留空 = 全部）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>Checks a filled department workbook (or a CSV export of its data sheet, UTF-8 or GBK) against the assessment database and imports it: indicator values, data source, collection method, 基本情况, 取得成效, 短板及成因, 提升措施及建议 and evidence files. Every problem names its sheet, cell and indicator: wrong unit, text in a number cell, value out of range, unknown indicator code, duplicate rows, edited locked columns, wrong year or department. The workbook is imported whole or not at all. With 'Dry run' nothing is written: the log and the report list what would change (old → new per cell) and what is wrong.</source>
      <translation>对照评估数据库检查并导入已填写的部门填报表（或其数据表导出的 CSV，UTF-8 或 GBK 编码）：指标数值、数据来源、采集方式、基本情况、取得成效、短板及成因、提升措施及建议和佐证材料。每个问题都指明工作表、单元格和指标：单位错误、数值单元格中有文字、数值超出范围、未知指标编号、重复行、锁定列被修改、年份或部门错误。填报表要么整体导入，要么完全不导入。选择“试运行”时不写入任何内容：日志和报告列出将要发生的变更（逐单元格的原值 → 新值）以及存在的问题。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Checks not run</source>
      <translation>未运行的检查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Checks run</source>
      <translation>已运行的检查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Checks the current land-use survey patches (DLTB) against the bottom lines of the territorial spatial plan: construction land inside the ecological protection red line; permanent basic farmland occupied by construction or used as other non-cultivated land; new construction land since the base year outside the urban development boundary; construction land inside the historic and cultural protection line; all new construction land since the base year. Each violating part of a patch is one polygon with its rule, patch id (BSM), land class, district and official area: TBDLMJ × the share of the patch, else the ellipsoidal area on the CGCS2000 ellipsoid (area_basis says which). The summary gives the count and area per rule and district. A check whose layers are not given is skipped with a message naming the missing layer. 'Farmland designated as cultivated only' counts only permanent basic farmland polygons designated as 耕地 (可调整地类 excluded). The input layers are never changed.</source>
      <translation>用国土空间规划的底线检查现状年地类图斑（DLTB）：生态保护红线内的建设用地；被建设占用或用于其他非耕地用途的永久基本农田；城镇开发边界外基期年以来新增的建设用地；历史文化保护线内的建设用地；基期年以来全部新增建设用地。图斑的每个违规部分为一个面要素，带有规则、图斑标识码（BSM）、地类、所属区县和正式面积：图斑地类面积（TBDLMJ）× 该部分占图斑的比例，没有 TBDLMJ 时为 CGCS2000 椭球面积（area_basis 字段说明依据）。汇总表给出各规则、各区县的图斑数和面积。未提供所需图层的检查将被跳过，并说明缺少哪个图层。“仅计入划定为耕地的永久基本农田”只统计划定为耕地的永久基本农田图斑（不含可调整地类）。不修改输入图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/validate_data_package.py" />
      <source>Checks the layers of a city health check before any indicator is computed: mandatory roles, coordinate reference systems, invalid and empty geometries, required fields and their types, 三调 land-use codes (DLBM, CZCSXM and their combinations), TBDLMJ = TBMJ − KCMJ, text encoding, empty layers, extents that do not overlap, and duplicate identifiers. Give one layer per role; every role is optional except those the health check needs. The result is a table of findings with severity, rule, the affected feature ids and how to fix each problem. The input layers are never changed.</source>
      <translation>在计算任何指标之前检查城市体检的图层：必需角色、坐标参考系、无效和空几何、必需字段及其类型、三调地类编码（DLBM、CZCSXM 及其组合）、TBDLMJ = TBMJ − KCMJ、文本编码、空图层、范围不重叠以及标识码重复。每个角色指定一个图层；除体检必需的角色外均为可选。结果是一张问题清单，列出严重程度、规则、涉及的要素编号以及每个问题的修正方法。输入图层不会被改动。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>Checks whether a road layer can carry network analysis before coverage is computed: the roads are made routable as the coverage algorithms do (split at crossings on the same level, ends within the tolerance joined) and the result is reported — connected components ranked by road length (islands cut off from the main network make coverage look worse than it is), dead ends (dangles, often missing connections), and facilities or residents farther than the given distance from any usable road. Each finding is a layer to inspect on the map; the summary table lists the counts.</source>
      <translation>在计算覆盖率之前检查道路图层能否用于网络分析：按覆盖率算法的方式构建可通行路网（同一层次的交叉处打断，容差内的端点连接），并报告——按道路长度排序的连通分量（与主路网断开的孤岛会使覆盖率偏低）、断头路（悬挂点，常为漏连）以及距任何可用道路超过给定距离的设施或居民。每类问题输出为可在地图上查看的图层，汇总表列出数量。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Chi-square</source>
      <translation>卡方值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Choices</source>
      <translation>取舍说明</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/open_package_dialog.py" />
      <source>Choose a GeoPackage, a folder or a connection first.</source>
      <translation>请先选择 GeoPackage、文件夹或数据库连接。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Choose a PostgreSQL connection (saved in QGIS).</source>
      <translation>请选择 PostgreSQL 连接（QGIS 中已保存的）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Choose a questionnaire file first.</source>
      <translation>请先选择问卷文件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Choose an output folder for the map set.</source>
      <translation>请为图集选择输出文件夹。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Choose an output folder.</source>
      <translation>请选择输出文件夹。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Choose at least one check.</source>
      <translation>请至少选择一项检查。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Choose the assessment database…</source>
      <translation>选择评估数据库…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Choose the data package (a GeoPackage file).</source>
      <translation>请选择数据包（GeoPackage 文件）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/findings_model.py" />
      <source>Choose the layer for this role in the list above.</source>
      <translation>在上方列表中为该角色选择图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Choose the questionnaire file (xlsx or csv).</source>
      <translation>请选择问卷文件（xlsx 或 csv）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Choose where the assessment database is written first.</source>
      <translation>请先选择评估数据库的保存位置。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>Choosing {n} sites</source>
      <translation>正在选出 {n} 个选址</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>City</source>
      <translation>城市</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/plugin.py" />
      <source>City Health Check</source>
      <translation>城市体检评估</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>City catalog file</source>
      <translation>本市指标目录文件</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>City catalog file (adds or overrides indicators)</source>
      <translation>城市指标体系文件（增加或覆盖指标）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>City catalog file (overrides, CSV or JSON)</source>
      <translation>城市指标体系文件（覆盖，CSV 或 JSON）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>City catalog file that adds or overrides indicators (repeatable)</source>
      <translation>城市指标目录文件，用于新增或覆盖指标（可重复指定）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>City catalog file…</source>
      <translation>本市指标目录文件…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>City health check: Compliance</source>
      <translation>城市体检：底线管控</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>City health check: Data</source>
      <translation>城市体检：数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>City health check: Forms</source>
      <translation>城市体检：指标填报</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>City health check: Indicators</source>
      <translation>城市体检：指标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>City health check: Map set</source>
      <translation>城市体检评估：规划实施分析图集</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>City health check: Satisfaction survey</source>
      <translation>城市体检：满意度调查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>City name</source>
      <translation>城市名称</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>City name (for the report title)</source>
      <translation>城市名称（用于报告标题）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>City name (for the titles)</source>
      <translation>城市名称（用于表格标题）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>City name (in the titles)</source>
      <translation>城市名称（用于标题）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>City name in the titles</source>
      <translation>标题中的城市名称</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/base_dock.py" />
      <source>CityHealth</source>
      <translation>CityHealth</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>CityHealth assessment {year}: {path}</source>
      <translation>CityHealth {year} 年度体检评估：{path}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/provider.py" />
      <source>CityHealth city health check and assessment</source>
      <translation>CityHealth 国土空间规划城市体检评估</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>CityHealth compliance checks</source>
      <translation>CityHealth 底线管控检查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>CityHealth converts the values; to be safe store {field} as a decimal number field.</source>
      <translation>CityHealth 会转换这些取值；稳妥起见，请将 {field} 存为小数型字段。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/layer_tree.py" />
      <source>CityHealth data</source>
      <translation>城市体检数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/check_runner.py" />
      <source>CityHealth data check</source>
      <translation>CityHealth 数据检查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>CityHealth deliverables</source>
      <translation>CityHealth 年度成果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>CityHealth headless runner</source>
      <translation>CityHealth 城市体检评估命令行工具</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_runner.py" />
      <source>CityHealth indicators</source>
      <translation>CityHealth 指标计算</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/plugin.py" />
      <source>CityHealth needs more Python packages</source>
      <translation>CityHealth 还需要安装一些 Python 包</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>CityHealth package {year}: {data} -&gt; {out}</source>
      <translation>CityHealth {year} 年成果包：{data} -&gt; {out}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>CityHealth reprojects every layer into the working CRS {work} when it reads it; check that the layers line up on the map, or write a reprojected copy.</source>
      <translation>CityHealth 读取时会把每个图层重投影到工作坐标系 {work}；请检查各图层在地图上能否对齐，或另存一份重投影副本。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>CityHealth reprojects it into the working CRS {work} when reading it. To keep a metric copy, reproject it into a new layer (the source layer is not changed).</source>
      <translation>CityHealth 读取时会将其重投影到工作坐标系 {work}。如需保留米制副本，请将其重投影到新图层（源图层不会被改动）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/result_layers.py" />
      <source>CityHealth results</source>
      <translation>CityHealth 结果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>CityHealth uses {tbdlmj} as given; recompute it as {tbmj} − {kcmj} if the survey data was edited.</source>
      <translation>CityHealth 按原值使用 {tbdlmj}；如调查数据经过编辑，请按 {tbmj} − {kcmj} 重新计算。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Clear</source>
      <translation>清除</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/findings_model.py" />
      <source>Click the row to select and zoom to these features.</source>
      <translation>点击该行可选中并缩放到这些要素。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>Close to the binding limit: {value} against {limit} {unit}.</source>
      <translation>接近约束值：现状 {value}，约束值 {limit} {unit}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Code</source>
      <translation>编号</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Code may use letters, digits, '-', '_' and '.' only (at most 32 characters).</source>
      <translation>编码只能使用字母、数字、“-”、“_”和“.”（最多 32 个字符）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Collection method</source>
      <translation>采集方式</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/importer.py" />
      <source>Column '{column}': the answer '{value}' ({count} times, first in row {row}) is not a 1–5 score or a known label; it is treated as missing. Add it to the mapping's answer labels if it is a score.</source>
      <translation>列“{column}”：答案“{value}”（共 {count} 次，首次出现在第 {row} 行）不是 1–5 分，也不是已知选项，按缺失处理。如果它表示分值，请在字段对应关系的选项标签中添加。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/importer.py" />
      <source>Column '{column}': {count} answer times are not readable as seconds and are ignored.</source>
      <translation>列“{column}”：有 {count} 个答题时长无法识别为秒数，已忽略。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/importer.py" />
      <source>Column '{column}': {count} coordinates are not numbers and are ignored.</source>
      <translation>列“{column}”：有 {count} 个坐标不是数字，已忽略。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Column '{text}' appears twice.</source>
      <translation>列“{text}”出现了两次。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Column '{text}' moved from {old} to {new}; do not insert, delete or move columns.</source>
      <translation>列“{text}”从 {old} 移到了 {new}：请勿插入、删除或移动列。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/loader.py" />
      <source>Column appears twice.</source>
      <translation>列名重复出现。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Column mapping (JSON; suggested from the headers when empty)</source>
      <translation>字段对应（JSON；为空时按表头自动识别）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Comfortable cultural environment</source>
      <translation>人文环境舒适性</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Community</source>
      <translation>社区</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Community health service</source>
      <translation>社区卫生服务设施</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Community health service facilities (社区卫生服务设施)</source>
      <translation>社区卫生服务设施</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Compact and intensive use</source>
      <translation>集聚集约</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/analysis.py" />
      <source>Comparing satisfaction with objective indicators</source>
      <translation>正在将满意度与客观指标对比</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Completion rate</source>
      <translation>完成率</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Completion rates were read as percentages (85 = 85 %).</source>
      <translation>完成率按百分数读取（85 即 85%）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Completion status</source>
      <translation>完成情况</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Compliance</source>
      <translation>底线管控</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Compliance checks failed</source>
      <translation>底线管控检查失败</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Compliance summary</source>
      <translation>底线管控汇总</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_map.py" />
      <source>Compliance violations {year}</source>
      <translation>底线管控违规图斑 {year}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Compliance workbook</source>
      <translation>底线管控检查工作簿</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/steps.py" />
      <source>Compliance: {n} violating parts in {seconds:.1f} s.</source>
      <translation>底线管控检查：{n} 处违规图斑，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Computable only</source>
      <translation>仅显示可计算</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Compute</source>
      <translation>计算</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Compute indicators</source>
      <translation>计算指标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Computed</source>
      <translation>已计算</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Computed (spatial)</source>
      <translation>空间计算值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Computed at (UTC)</source>
      <translation>计算时间（UTC）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Computed from spatial data: {value} {unit}.</source>
      <translation>空间数据计算值：{value} {unit}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Computed value</source>
      <translation>计算值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Computed {n} indicators in {seconds:.1f} s.</source>
      <translation>已计算 {n} 项指标，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Computes the indicators of the TD/T 1063-2021 catalog (with the city's own catalog file, if given) from the layers given for each role and the statistics table. CODES lists indicator codes separated by commas (A-11, C-04 …); left empty, every indicator whose inputs are given is computed. The result table has one row per indicator and unit (city, each district, each sub-district) with the value, its unit and a status: ok, missing_input (the message names the missing layer or statistic), unavailable (the method is not installed) or error. Results, their provenance and result layers (e.g. the parts of construction land inside the ecological red line) are written to the assessment database. Areas follow the official conventions: TBDLMJ where present, else ellipsoidal areas on the CGCS2000 ellipsoid. The input layers are never changed.</source>
      <translation>根据各角色图层和统计表计算 TD/T 1063-2021 指标体系中的指标（如提供本市指标目录文件，则一并应用）。CODES 为以逗号分隔的指标编号（A-11, C-04 …）；留空则计算所有输入齐备的指标。结果表中每个指标、每个统计单元（全市、各区、各街道）一行，包括数值、单位和状态：ok（已计算）、missing_input（说明中列出缺少的图层或统计数据）、unavailable（计算方法未安装）或 error（出错）。结果、来源记录和结果图层（如生态保护红线内建设用地的叠加图斑）写入评估数据库。面积按官方口径：有 TBDLMJ 时采用图斑地类面积，否则采用 CGCS2000 椭球面积。输入图层不会被修改。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Computing</source>
      <translation>正在计算</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Computing indicators…</source>
      <translation>正在计算指标…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/analysis.py" />
      <source>Computing satisfaction scores</source>
      <translation>正在计算满意度得分</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/landuse_area.py" />
      <source>Computing the areas</source>
      <translation>正在计算面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Computing {code} ({done}/{total})</source>
      <translation>正在计算 {code}（{done}/{total}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Computing {n} indicators</source>
      <translation>正在计算 {n} 项指标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Computing {n} indicators…</source>
      <translation>正在计算 {n} 项指标…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Concern</source>
      <translation>关注问题</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Concerns</source>
      <translation>关注问题</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/schema.py" />
      <source>Confirmed</source>
      <translation>已确认</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>Connected components</source>
      <translation>连通分量</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>Connection</source>
      <translation>连接</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Connotation</source>
      <translation>指标内涵</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/gap.py" />
      <source>Consistent</source>
      <translation>主客观一致</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Construction land group id</source>
      <translation>建设用地地类组编号</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Construction land inside the ecological protection red line</source>
      <translation>生态保护红线内建设用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Construction land inside the historic and cultural protection line</source>
      <translation>历史文化保护线内建设用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Content hash (SHA-1)</source>
      <translation>内容哈希（SHA-1）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/overlay_area.py" />
      <source>Control line (polygons, e.g. ecological protection red line)</source>
      <translation>控制线（面图层，如生态保护红线）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/layer_tree.py" />
      <source>Control lines</source>
      <translation>控制线</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Convenience of daily life</source>
      <translation>生活便利性</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Converged</source>
      <translation>是否收敛</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>Coordinates</source>
      <translation>坐标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Coordinates must be 'lonlat' or 'projected', not '{value}'.</source>
      <translation>坐标类型应为“lonlat”（经纬度）或“projected”（投影坐标），而不是“{value}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Coordination (协调)</source>
      <translation>协调</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Copy as JSON</source>
      <translation>复制为 JSON</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>Copy my version</source>
      <translation>复制我的版本</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/basic_database.py" />
      <source>Copying the input layers of the data package</source>
      <translation>正在复制数据包的输入图层</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Correct the codes to the 三调工作分类 (e.g. 0101 水田, 0701 城镇住宅用地); these features are not counted in any land-use class.</source>
      <translation>请按三调工作分类更正编码（如 0101 水田、0701 城镇住宅用地）；这些要素不计入任何地类。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/findings_xlsx.py" />
      <source>Count</source>
      <translation>数量</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Count is not a whole number</source>
      <translation>计数不是整数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Count only permanent basic farmland designated as 耕地; farmland designated as orchard, forest or pond (可调整地类) is not a violation.</source>
      <translation>只统计划定为耕地的永久基本农田；划定为园地、林地、坑塘等（可调整地类）的不计为违规。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Count only residents and land inside the urban area</source>
      <translation>仅统计城区内的居民和用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/analysis.py" />
      <source>Counting concerns in open answers</source>
      <translation>正在统计开放题中的关注问题</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Counting inside the urban area needs the URBAN_AREA layer.</source>
      <translation>仅统计城区内需要城区范围图层（URBAN_AREA）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>Cover and contents</source>
      <translation>封面和目录</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Cover and contents page</source>
      <translation>封面和目录页</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>Coverage after (%)</source>
      <translation>选址后覆盖率（%）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>Coverage before (%)</source>
      <translation>选址前覆盖率（%）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>Coverage computation cancelled.</source>
      <translation>覆盖率计算已取消。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>Coverage gain per step</source>
      <translation>每一步的覆盖率增量</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>Coverage needs demand points (population) or residential land, or both.</source>
      <translation>覆盖率计算需要需求点（人口）或居住用地，或两者都提供。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Coverage of residents and of residential land by each facility type, computed three ways and always labelled: residents whose distance along the roads (access legs included) is within the type's threshold; residential land inside the network service area (reached roads buffered by the half-width); and, for comparison, both within a straight-line radius of the same length, with the gap between radius and network. Give facilities as one layer per role (defaults: GB 50180 life circles — 小学 500 m, 中学 1000 m, 养老 300 m …) or as one layer with a type field; THRESHOLDS overrides ('fac_primary_school=500; 社区医院=800'). Rows per city, urban area, district, sub-district and your own zones. The gap map holds the residential land outside each type's service area.</source>
      <translation>各类设施对居民和居住用地的覆盖率，按三种口径计算并始终标注：沿路网（含接入段）距离在该类阈值内的居民；位于路网服务范围（可达道路按半宽缓冲）内的居住用地；以及作为对比，同样长度直线半径内的两者，并给出直线半径与路网口径之差。设施可按角色每类一个图层给出（默认 GB 50180 生活圈距离——小学 500 米、中学 1000 米、养老 300 米……），也可用一个带类型字段的图层；THRESHOLDS 可覆盖默认值（'fac_primary_school=500; 社区医院=800'）。结果按全市、城区、区、街道及自定义分区分行。缺口图给出各类设施服务范围以外的居住用地。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>Coverage of {type}</source>
      <translation>{type} 的覆盖率</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Coverage rates</source>
      <translation>覆盖率</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Coverage rates by facility type</source>
      <translation>分设施类型的覆盖率</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Create the selected map as a print layout of the project and open it in the layout designer to edit it.</source>
      <translation>将所选图件生成为项目中的打印布局，并在布局设计器中打开以便编辑。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Cross-check of spatial values and department figures</source>
      <translation>空间计算值与部门填报值相互校核</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>Cross-check tolerance</source>
      <translation>相互校核容差</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Cross-check…</source>
      <translation>相互校核…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Cultivated land</source>
      <translation>耕地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Cultural facilities (文化活动设施)</source>
      <translation>文化活动设施</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Cultural facility</source>
      <translation>文化活动设施</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Cultural security</source>
      <translation>文化安全</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Culture and sports facilities</source>
      <translation>文体设施</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>Current-year value</source>
      <translation>现状年值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/findings_xlsx.py" />
      <source>Data check</source>
      <translation>数据检查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>Data check failed</source>
      <translation>数据检查失败</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Data package</source>
      <translation>数据包</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Data package (GeoPackage)</source>
      <translation>数据包（GeoPackage）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Data package not found: {path}</source>
      <translation>未找到数据包：{path}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>Data package not found: {path}. Choose the GeoPackage of the year's data.</source>
      <translation>找不到数据包：{path}。请选择当年数据的 GeoPackage。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>Data package table {name} not copied into 附件5: {reason}.</source>
      <translation>数据包中的表 {name} 未复制到附件5：{reason}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Data package {path}: {n} role layers ({roles}).</source>
      <translation>数据包 {path}：{n} 个角色图层（{roles}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>Data source</source>
      <translation>数据来源</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Data source type</source>
      <translation>数据来源类型</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>Database now</source>
      <translation>数据库当前值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Database settings…</source>
      <translation>数据库设置…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>Dead ends</source>
      <translation>断头路</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Deadline</source>
      <translation>完成时限</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Deducted area</source>
      <translation>扣除地类面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Degrees of freedom</source>
      <translation>自由度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Deliverables</source>
      <translation>年度成果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Deliverables of the year</source>
      <translation>年度成果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/plugin.py" />
      <source>Deliverables…</source>
      <translation>年度成果…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/steps.py" />
      <source>Demo city</source>
      <translation>示例城市</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Demo city written to {path} in {seconds:.1f} s ({size:.1f} MB).</source>
      <translation>示例城市已写入 {path}，用时 {seconds:.1f} 秒（{size:.1f} MB）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>Demo shares</source>
      <translation>示例人口构成</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis_inputs.py" />
      <source>Demo targets ({path}): made-up numbers for the demo city, not official targets.</source>
      <translation>示例目标值（{path}）：为示例城市虚构的数值，不是正式规划目标。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Density</source>
      <translation>密度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Density over all zones</source>
      <translation>全部分区的密度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Density per zone</source>
      <translation>分区密度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/department_workbook.py" />
      <source>Department '{department}' has no indicators to fill in for {year}.</source>
      <translation>部门“{department}”在 {year} 年没有需要填报的指标。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>Department (optional check)</source>
      <translation>部门（可选，用于核对）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Department figure</source>
      <translation>部门填报值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Department fill-in workbooks (Excel round trip)</source>
      <translation>部门填报表（Excel 导出与回收）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/schema.py" />
      <source>Department report</source>
      <translation>部门填报</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis_inputs.py" />
      <source>Department statistics</source>
      <translation>部门统计</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>Department workbooks written</source>
      <translation>已写出的部门填报表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>Departments (comma-separated; empty = all)</source>
      <translation>部门（逗号分隔；留空 = 全部）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Derived</source>
      <translation>派生</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Design effect of weighting</source>
      <translation>加权设计效应</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/messages.py" />
      <source>Details are in the log panel, tab CityHealth.</source>
      <translation>详情见日志面板的 CityHealth 标签页。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Development model</source>
      <translation>发展模式</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Diagnose indicators</source>
      <translation>指标诊断</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Diagnoses the indicators stored in the assessment database for a year: base-year, previous-year and current values, the target of the period (2025 until 2025, then 2035), the trend and whether it improves, progress against the time elapsed, and a status (met, nearly met, early warning, not met, not assessed) with the reason in words. Targets come from the catalog, the database's indicator_targets table, and the targets table or file given here (later ones win per indicator). Optionally writes 附件1 指标结论表 and the rectification task list (整治任务清单) as formatted Excel workbooks.</source>
      <translation>诊断体检评估数据库中某一年份的指标：基期年值、上年值和现状年值，当期目标值（2025 年及以前用 2025 年目标，之后用 2035 年目标），变化趋势及是否向好，完成进度与时间进度的对比，以及评估结论（达标、基本达标、预警、未达标、未评价）和文字说明。目标值依次来自指标目录、数据库的 indicator_targets 表和此处给出的目标值表或文件（同一指标以后者为准）。可同时写出格式化的 Excel 工作簿：附件1 指标结论表和整治任务清单。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Diagnosing</source>
      <translation>正在诊断</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Diagnosis</source>
      <translation>诊断结果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/steps.py" />
      <source>Diagnosis of {n} indicators: {met} met, {nearly} nearly met, {warning} warning, {not_met} not met, {not_assessed} not assessed; {tasks} rectification tasks.</source>
      <translation>诊断 {n} 项指标：达标 {met} 项，基本达标 {nearly} 项，预警 {warning} 项，未达标 {not_met} 项，未评价 {not_assessed} 项；整治任务 {tasks} 项。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/steps.py" />
      <source>Diagnosis skipped: no assessment database was written.</source>
      <translation>未进行诊断：没有写出体检评估数据库。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Difference %</source>
      <translation>差异 %</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Difference (percentage points)</source>
      <translation>差值（百分点）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Dimension</source>
      <translation>维度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Direction must be one of {values}, not '{value}'.</source>
      <translation>指标方向必须是 {values} 之一，而不是“{value}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Discard the unsaved edits</source>
      <translation>放弃未保存的修改</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>District</source>
      <translation>区</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>District code</source>
      <translation>行政区代码</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>District code (empty = the whole city)</source>
      <translation>区县代码（留空 = 全市）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>District layer</source>
      <translation>区界图层</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>District map (png)</source>
      <translation>分区图（png）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>District maps need the district layer (admin_district role).</source>
      <translation>分区图需要行政区图层（admin_district 角色）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>District name</source>
      <translation>行政区名称</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>District name field</source>
      <translation>区名字段</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>District not among the city's districts</source>
      <translation>所填区不属于本市</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>District polygons were given but no x/y columns are mapped; locations are not checked.</source>
      <translation>已提供区界面，但未对应 X/Y 列；未检查位置。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>District polygons: the outside-the-city check, district names and the map.</source>
      <translation>区界面图层：用于市域范围检查、区名和分区图。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Districts</source>
      <translation>区</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Districts (区)</source>
      <translation>区</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Districts (区) for the location check and the map</source>
      <translation>区界（用于位置检查和分区图）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Districts with satisfaction scores</source>
      <translation>带满意度得分的分区</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Division of work</source>
      <translation>任务分工</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/schema.py" />
      <source>Draft</source>
      <translation>草稿</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Draw the map set (附件3)</source>
      <translation>绘制分析图集（附件3）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Drawing the district map</source>
      <translation>正在绘制分区图</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>Driving (minutes on road speeds, one-way streets)</source>
      <translation>车行（按道路车速与单行线，分钟）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>Dry run (only report, write nothing)</source>
      <translation>试运行（只报告，不写入）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>Dry run: nothing was written.</source>
      <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/outline.py" />
      <source>Duplicate aspect ids: {ids}.</source>
      <translation>评估方面编号重复：{ids}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Duplicate code (first on line {line}).</source>
      <translation>编码重复（首次出现在第 {line} 行）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>Duplicate of an earlier questionnaire</source>
      <translation>与先前问卷重复</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>Duplicate respondent id</source>
      <translation>问卷编号重复</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Duplicate row</source>
      <translation>重复行</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/loader.py" />
      <source>Duplicate statistic code (first on line {line}).</source>
      <translation>统计项编码重复（首次出现在第 {line} 行）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/life_circle.py" />
      <source>Each type at its own life-circle distance (GB 50180)</source>
      <translation>各类型采用各自的生活圈距离（GB 50180）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/steps.py" />
      <source>Earlier years skipped: no assessment database was written.</source>
      <translation>未计算往年数值：没有写出体检评估数据库。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/steps.py" />
      <source>Earlier years written to the assessment database: {years}.</source>
      <translation>往年数值已写入体检评估数据库：{years}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/status_rules.py" />
      <source>Early warning</source>
      <translation>预警</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Ease of travel</source>
      <translation>出行便捷性</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Ecological protection</source>
      <translation>生态保护</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Ecological protection red line (生态保护红线)</source>
      <translation>生态保护红线</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Ecological security</source>
      <translation>生态安全</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Edit the layout, then press “Save template” to use it for this map.</source>
      <translation>请编辑布局，然后点击“保存模板”，该图件今后即使用此模板。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Education</source>
      <translation>学历</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Effective sample size (Kish)</source>
      <translation>有效样本量（Kish）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Elderly care</source>
      <translation>养老服务设施</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Elderly care facilities (养老服务设施)</source>
      <translation>养老服务设施</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Emergency shelter</source>
      <translation>应急避难场所</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Emergency shelters (应急避难场所)</source>
      <translation>应急避难场所</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Enter only the number in {unit} (without '{suffix}').</source>
      <translation>只填以 {unit} 计的数字（不要带“{suffix}”）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Enter the department's figure to cross-check it.</source>
      <translation>填入部门数值即可相互校核。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Entered by</source>
      <translation>填报人</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>Equal to the peer median</source>
      <translation>与对标城市中位数持平</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/findings_model.py" />
      <source>Error</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Error in step '{step}': {message}</source>
      <translation>步骤“{step}”出错：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Error: cannot create the output folder {path}: {error}</source>
      <translation>错误：无法创建输出文件夹 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Error: {message}</source>
      <translation>错误：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>Errors</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Evidence file '{name}' was not found next to the workbook; send it along.</source>
      <translation>未在填报表所在文件夹找到佐证材料“{name}”：请一并报送。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Evidence file not found</source>
      <translation>找不到佐证材料文件</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/forms.py" />
      <source>Evidence file not found: {path}.</source>
      <translation>找不到佐证材料文件：{path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Evidence files</source>
      <translation>佐证材料</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Evidence files ({n})</source>
      <translation>佐证材料（{n}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Excel (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
      <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>Existing facilities</source>
      <translation>现有设施</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Existing problems</source>
      <translation>存在问题</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/loader.py" />
      <source>Expected a list under '{key}'.</source>
      <translation>“{key}”下应为列表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>Export department workbooks</source>
      <translation>导出部门填报表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/finding_actions.py" />
      <source>Export findings</source>
      <translation>导出检查结果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Export list…</source>
      <translation>导出清单…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Export planning implementation map set</source>
      <translation>导出规划实施分析图集</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Export report docx…</source>
      <translation>导出报告 docx…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Export satisfaction report</source>
      <translation>导出满意度评价报告</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Export satisfaction tables</source>
      <translation>导出满意度分析表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Export the year's deliverables (1+1+6 package)</source>
      <translation>导出年度成果（1+1+6 成果包）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Export violations</source>
      <translation>导出违规图斑</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Export workbooks…</source>
      <translation>导出填报表…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Export xlsx…</source>
      <translation>导出 xlsx…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Exporting the department workbooks…</source>
      <translation>正在导出部门填报表…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Exporting the map set</source>
      <translation>导出图集</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Exporting the map set…</source>
      <translation>正在导出图集……</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Exporting {count} maps…</source>
      <translation>正在导出 {count} 幅图件……</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>Exporting {path} failed (code {code}).</source>
      <translation>导出 {path} 失败（代码 {code}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>Expression '{text}' does not parse: {error}</source>
      <translation>表达式“{text}”无法解析：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>Expression '{text}' has a non-numeric constant.</source>
      <translation>表达式“{text}”含有非数值常量。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>Expression '{text}' may only use + - * /, brackets, numbers and input names.</source>
      <translation>表达式“{text}”只能使用 + - * /、括号、数字和输入名称。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>Expression '{text}' uses '{name}', which is not one of its inputs ({names}).</source>
      <translation>表达式“{text}”使用了“{name}”，它不是表达式的输入（{names}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>External exchange</source>
      <translation>对外交往</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>Facilities (points, or polygons reached at their boundary)</source>
      <translation>设施（点，或从边界到达的面）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>Facilities and other points to check</source>
      <translation>要检查的设施及其他点</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/layer_tree.py" />
      <source>Facilities and parks</source>
      <translation>设施与公园</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Facilities of several types (one layer)</source>
      <translation>多类设施（一个图层）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/facility_catchments.py" />
      <source>Facilities with residents served</source>
      <translation>设施及其服务居民</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/facility_catchments.py" />
      <source>Facility catchments (residents served)</source>
      <translation>设施服务人口（服务范围内居民）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/methods/coverage.py" />
      <source>Facility layer '{role}' has no features.</source>
      <translation>设施图层“{role}”没有要素。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Facility service areas (field 'facility' = facility role id)</source>
      <translation>设施服务范围（字段“facility”= 设施角色标识）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>Facility type '{type}' has no point that could be placed on the network: its network coverage is 0.</source>
      <translation>设施类型“{type}”没有任何点能连接到路网：其路网覆盖率为 0。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/outputs.py" />
      <source>Facility type '{type}' was not part of this coverage run.</source>
      <translation>设施类型“{type}”不在本次覆盖率计算中。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>Facility type '{type}': {count} points without geometry were left out.</source>
      <translation>设施类型“{type}”：有 {count} 个无几何的点未参与计算。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Facility type field</source>
      <translation>设施类型字段</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Facility types assessed</source>
      <translation>评估的设施类型数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/trend.py" />
      <source>Falling</source>
      <translation>下降</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Farmland designated as cultivated only</source>
      <translation>仅计入划定为耕地的永久基本农田</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Farmland designated as cultivated only (可调整地类 excluded)</source>
      <translation>仅计入划定为耕地的永久基本农田（不含可调整地类）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>Farmland: construction</source>
      <translation>基本农田被建设占用</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>Farmland: not cultivated</source>
      <translation>基本农田非耕地利用</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/findings_xlsx.py" />
      <source>Feature ids</source>
      <translation>要素编号</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Features</source>
      <translation>要素数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Field {field} of layer '{layer}' has {count} code(s) that lost their leading zero (e.g. {examples}; 101 should be 0101).</source>
      <translation>图层“{layer}”的字段 {field} 有 {count} 个编码丢失了前导零（例如 {examples}；101 应为 0101）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Field {field} of layer '{layer}' has {count} garbled text value(s) (e.g. '{example}'): the layer was read with the wrong text encoding.</source>
      <translation>图层“{layer}”的字段 {field} 有 {count} 个乱码取值（例如“{example}”）：图层是按错误的文本编码读取的。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Field {field} of layer '{layer}' has {count} value(s) that are not 三调 land-class codes: {examples}.</source>
      <translation>图层“{layer}”的字段 {field} 有 {count} 个取值不是三调地类编码：{examples}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Field {field} of layer '{layer}' has {count} value(s) that are not 城镇村属性码: {examples}.</source>
      <translation>图层“{layer}”的字段 {field} 有 {count} 个取值不是城镇村属性码：{examples}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Field {field} of layer '{layer}' holds numbers as text.</source>
      <translation>图层“{layer}”的字段 {field} 以文本形式存储数字。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Field {field} of layer '{layer}' is a number field, but it holds codes; codes with letters or leading zeros cannot be stored.</source>
      <translation>图层“{layer}”的字段 {field} 为数值型，但存放的是编码；含字母或前导零的编码无法存储。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Field {field} of layer '{layer}' is a number field, so land-class codes lost their leading zero ({count} feature(s), e.g. 101 instead of 0101).</source>
      <translation>图层“{layer}”的字段 {field} 为数值型，地类编码因此丢失了前导零（{count} 个要素，例如 101 而非 0101）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Field {field} of layer '{layer}' is empty for {count} feature(s).</source>
      <translation>图层“{layer}”的字段 {field} 有 {count} 个要素为空。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Field {field} of layer '{layer}' is text, and {count} value(s) are not numbers (e.g. {examples}).</source>
      <translation>图层“{layer}”的字段 {field} 为文本型，且有 {count} 个取值不是数字（例如 {examples}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Field {field} of layer '{layer}' should identify each feature, but {values} value(s) occur more than once ({count} features; e.g. {examples}).</source>
      <translation>图层“{layer}”的字段 {field} 应唯一标识每个要素，但有 {values} 个取值重复出现（涉及 {count} 个要素；例如 {examples}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Figures not in the statistics table {table} for {year} ({n}): {codes}</source>
      <translation>统计表 {table} 中缺少 {year} 年数值的指标（{n} 项）：{codes}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/loader.py" />
      <source>File not found.</source>
      <translation>文件不存在。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_read.py" />
      <source>File not found: {path}.</source>
      <translation>找不到文件：{path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>File not readable</source>
      <translation>文件无法读取</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/messages.py" />
      <source>File problem: {message}</source>
      <translation>文件问题：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Fill {field} (图斑地类面积); until then CityHealth uses the ellipsoidal area of those patches, which differs slightly from the official figure.</source>
      <translation>请填写 {field}（图斑地类面积）；在此之前 CityHealth 对这些图斑使用椭球面积，与官方数据略有差异。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>Filled department workbook</source>
      <translation>已填写的部门填报表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>Filter '{filter}': '{op}' needs a number.</source>
      <translation>筛选条件“{filter}”：“{op}”需要数值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>Filter '{part}' is not 'FIELD op value' (ops: = != &gt; &gt;= &lt; &lt;= in, not in).</source>
      <translation>筛选条件“{part}”不符合“字段 运算符 值”的形式（运算符：= != &gt; &gt;= &lt; &lt;= in、not in）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>Filter '{part}': empty list.</source>
      <translation>筛选条件“{part}”：列表为空。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>Filter '{part}': the list after 'in' needs brackets.</source>
      <translation>筛选条件“{part}”：in 后面的列表需要括号。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>Filter '{part}': {error}</source>
      <translation>筛选条件“{part}”：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Filter on the measured layer (e.g. DJ in (主干路, 次干路))</source>
      <translation>被量算图层的筛选条件（如 DJ in (主干路, 次干路)）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/finding_actions.py" />
      <source>Findings written to {path}.</source>
      <translation>检查结果已写入 {path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Fire station</source>
      <translation>消防站</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Fire stations (消防站)</source>
      <translation>消防站</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Flag</source>
      <translation>标记</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Flagged only</source>
      <translation>仅显示超出容差的</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/trend.py" />
      <source>Flat</source>
      <translation>持平</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Flooding after rain</source>
      <translation>内涝积水</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Floor-area ratio</source>
      <translation>容积率</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Floors</source>
      <translation>层数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Floors field of the buildings</source>
      <translation>建筑层数字段</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/finding_actions.py" />
      <source>Folder for corrected layers</source>
      <translation>修正后图层的保存文件夹</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_sources.py" />
      <source>Folder for the demo city</source>
      <translation>示例城市保存文件夹</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Folder for the department workbooks</source>
      <translation>部门填报表输出文件夹</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Folder of PNG pages</source>
      <translation>PNG 页面文件夹</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/open_package_dialog.py" />
      <source>Folder of shapefiles</source>
      <translation>Shapefile 文件夹</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Folder of user layout templates</source>
      <translation>用户布局模板文件夹</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Food markets and shops</source>
      <translation>菜市场与商业</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Food security</source>
      <translation>粮食安全</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Football pitch</source>
      <translation>足球场</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Football pitches (足球场)</source>
      <translation>足球场</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/life_circle.py" />
      <source>For every resident feature (population point or grid cell): how many of the required service types are within walking reach along the roads, whether all are (the 15-minute community life circle is complete) and which are missing. Every facility layer given is a required type. One threshold for all (default 1000 m, the 15-minute circle of GB 50180), or each type at its own life-circle distance (小学 500 m, 养老 300 m …). The summary gives the share of residents with a complete life circle, and each type's own coverage, for the whole area, the urban area, districts and sub-districts.</source>
      <translation>对每个居民要素（人口点或人口格网）：沿路网步行可达的必备服务类型有几类、是否全部可达（15分钟社区生活圈是否完整）以及缺少哪些。给出的每个设施图层都是一类必备类型。可对所有类型使用同一阈值（默认 1000 米，即 GB 50180 的15分钟生活圈），也可各类型采用其生活圈距离（小学 500 米、养老 300 米……）。汇总表给出全域、城区、各区、各街道生活圈完整的居民占比以及各类型各自的覆盖率。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Foreign trade</source>
      <translation>对外贸易</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Forest</source>
      <translation>森林</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Form</source>
      <translation>表单</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Form saved</source>
      <translation>保存表单</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>Forms and assessment database</source>
      <translation>填报表与评估数据库</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Formula</source>
      <translation>计算公式</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Frequent phrases in open answers</source>
      <translation>开放题高频词语</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Gap</source>
      <translation>差值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Gap map of {type}</source>
      <translation>{type}缺口图</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Generate the synthetic demo city as a GeoPackage</source>
      <translation>生成示例城市（GeoPackage）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_sources.py" />
      <source>Generating the demo city</source>
      <translation>生成示例城市</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_sources.py" />
      <source>Generating the demo city…</source>
      <translation>正在生成示例城市…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>GeoPackage</source>
      <translation>GeoPackage</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/open_package_dialog.py" />
      <source>GeoPackage file</source>
      <translation>GeoPackage 文件</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/gpkg.py" />
      <source>GeoPackage not found: {path}. Check the file path.</source>
      <translation>找不到 GeoPackage：{path}。请检查文件路径。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/role_table.py" />
      <source>Geographic or unknown CRS: areas and distances need the working CRS.</source>
      <translation>地理坐标系或未知坐标系：面积和距离需在工作坐标系下计算。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/life_circle.py" />
      <source>Give at least one facility layer (each one is a required type).</source>
      <translation>请至少给出一个设施图层（每个图层为一类必备类型）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Give at least one facility layer.</source>
      <translation>请至少给出一个设施图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>Give either an assessment GeoPackage or a PostgreSQL connection.</source>
      <translation>请指定评估 GeoPackage 或 PostgreSQL 连接二者之一。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Give every feature its own {field}.</source>
      <translation>请为每个要素赋予唯一的 {field}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Give every unit its own {field}; merge the parts of one unit into a single (multi-part) feature.</source>
      <translation>请为每个单元赋予唯一的 {field}；同一单元的多个部分请合并为一个（多部件）要素。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Give residents (POPULATION) or residential land (RESIDENTIAL), or both.</source>
      <translation>请给出居民（POPULATION）或居住用地（RESIDENTIAL），或两者都给出。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Given weights</source>
      <translation>指定权重</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Good for leisure</source>
      <translation>宜乐</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Good for living</source>
      <translation>宜居</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Good for visiting</source>
      <translation>宜游</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Good for working</source>
      <translation>宜业</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Green (绿色)</source>
      <translation>绿色</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Green low-carbon living</source>
      <translation>绿色低碳生活</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Green low-carbon production</source>
      <translation>绿色低碳生产</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>Half-width of the service area (metres either side of a reached road)</source>
      <translation>服务范围半宽（可达道路两侧的米数）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Header changed</source>
      <translation>表头被修改</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Height m</source>
      <translation>高度（米）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>Heritage line: construction</source>
      <translation>保护线内建设</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Heritage line: new construction only</source>
      <translation>历史文化保护线：仅新增建设</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>High</source>
      <translation>高</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Historic and cultural protection line (历史文化保护线)</source>
      <translation>历史文化保护线</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Historic and cultural protection line: only new construction</source>
      <translation>历史文化保护线：仅新增建设用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Hospital</source>
      <translation>医院</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Hospitals (医院)</source>
      <translation>医院</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Housing prices and rents</source>
      <translation>房价与房租</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/findings_xlsx.py" />
      <source>How to fix</source>
      <translation>处理办法</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>How to fix:</source>
      <translation>处理办法：</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Identifier</source>
      <translation>标识码</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>If the health check needs it, assign its role in the Data panel.</source>
      <translation>如体检需要该图层，请在数据面板中为其指定角色。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>Ignore</source>
      <translation>忽略</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Ignore parts smaller than (m²)</source>
      <translation>忽略小于此面积的碎片（m²）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>Illustrative shares for Xiamen (not official statistics).</source>
      <translation>厦门示例人口构成（非官方统计数据）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>Import department workbook</source>
      <translation>导入部门填报表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/workbook_dialogs.py" />
      <source>Import preview: {name}</source>
      <translation>导入预览：{name}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Import workbook…</source>
      <translation>导入填报表…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>Imported (1) or not (0)</source>
      <translation>已导入（1）或未导入（0）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Imported {n} changed cells; nothing else was changed.</source>
      <translation>已导入 {n} 个修改的单元格；其他内容未改动。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>Imported {n} indicators.</source>
      <translation>已导入 {n} 项指标。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Imported.</source>
      <translation>已导入。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Importing the workbook…</source>
      <translation>正在导入填报表…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Importing {name}</source>
      <translation>导入 {name}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/workbook_dialogs.py" />
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/trend.py" />
      <source>Improving</source>
      <translation>向好</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Indicator</source>
      <translation>指标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/forms.py" />
      <source>Indicator '{code}' is not in the catalog of {year}.</source>
      <translation>指标“{code}”不在 {year} 年的指标体系中。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/model.py" />
      <source>Indicator '{code}' is not in the catalog.</source>
      <translation>指标“{code}”不在指标目录中。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Indicator code {code} is not in the {year} catalog.</source>
      <translation>指标编号 {code} 不在 {year} 年的指标体系中。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Indicator codes (comma-separated; empty = all computable)</source>
      <translation>指标编号（逗号分隔；留空 = 全部可计算指标）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Indicator computation failed</source>
      <translation>指标计算失败</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Indicator computation finished</source>
      <translation>指标计算完成</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Indicator conclusion table (附件1)</source>
      <translation>指标结论表（附件1）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>Indicator conclusions</source>
      <translation>指标结论表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/gap.py" />
      <source>Indicator direction '{value}' is not positive or negative.</source>
      <translation>指标方向“{value}”不是正向或负向。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/base.py" />
      <source>Indicator form</source>
      <translation>指标填报表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>Indicator item</source>
      <translation>指标项</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Indicator maps by district (one per indicator supplied)</source>
      <translation>分区指标图（每个提供的指标一幅）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>Indicator type</source>
      <translation>指标类型</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/base.py" />
      <source>Indicator value</source>
      <translation>指标值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Indicator values</source>
      <translation>指标值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Indicator values by district (table: code, name, unit, XZQDM, value)</source>
      <translation>分区指标值（表：code、name、unit、XZQDM、value）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Indicator {code} appears twice (rows {first} and {row}); keep one row.</source>
      <translation>指标 {code} 出现了两次（第 {first} 行和第 {row} 行）：请只保留一行。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/context.py" />
      <source>Indicator {code} is needed but is {status}.</source>
      <translation>需要指标 {code}，但其状态为 {status}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Indicator {code} is not in the list of {department}.</source>
      <translation>指标 {code} 不在{department}的指标清单中。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Indicators</source>
      <translation>指标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Indicators computed</source>
      <translation>已计算的指标数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Indicators met</source>
      <translation>达标指标数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Indicators nearly met</source>
      <translation>基本达标指标数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Indicators not assessed</source>
      <translation>未评价指标数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/gap.py" />
      <source>Indicators not in the objective table (ignored): {codes}.</source>
      <translation>客观指标表中没有以下指标（已忽略）：{codes}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Indicators not met</source>
      <translation>未达标指标数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Indicators refer to each other in a cycle: {path}.</source>
      <translation>指标之间存在循环引用：{path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Indicators that failed</source>
      <translation>计算失败的指标数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Indicators the departments report that have no value for the year yet.</source>
      <translation>由部门填报、本年度尚无数值的指标。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Indicators whose method is not installed</source>
      <translation>计算方法未安装的指标数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Indicators with an early warning</source>
      <translation>预警指标数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Indicators with missing inputs</source>
      <translation>缺少输入的指标数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/gap.py" />
      <source>Indicators with the same value in every district carry no comparison: {codes}.</source>
      <translation>以下指标在各区取值相同，无法用于对比：{codes}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Indicators: {ok} computed, {missing} missing inputs, {unavailable} unavailable, {error} errors.</source>
      <translation>指标：已计算 {ok} 项，缺少输入 {missing} 项，暂不可用 {unavailable} 项，出错 {error} 项。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/findings_model.py" />
      <source>Info</source>
      <translation>提示</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Innovation (创新)</source>
      <translation>创新</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Input and output</source>
      <translation>投入产出</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Inputs</source>
      <translation>输入数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Inside the historic and cultural protection line, report only construction land that is new since the base year.</source>
      <translation>在历史文化保护线内，只报告基期年以来新增的建设用地。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deps.py" />
      <source>Install them into the Python that QGIS uses. Windows (OSGeo4W Shell, as administrator): python -m pip install {names}. macOS: /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install {names}. Linux: use your distribution's packages or a pip install for the system Python. Then restart QGIS.</source>
      <translation>请将其安装到 QGIS 使用的 Python 中。Windows（以管理员身份打开 OSGeo4W Shell）：python -m pip install {names}。macOS：/Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install {names}。Linux：使用发行版软件包，或为系统 Python 执行 pip 安装。然后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Invalid input</source>
      <translation>输入数据有误</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/postgres_backend.py" />
      <source>Invalid schema name '{schema}': use letters, digits and _.</source>
      <translation>模式名“{schema}”无效：只能使用字母、数字和下划线。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/loader.py" />
      <source>Item {n} is not an object.</source>
      <translation>第 {n} 项不是对象。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Items left out, with the reason</source>
      <translation>未生成的项目及原因</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Iterations</source>
      <translation>迭代次数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>JSON (*.json)</source>
      <translation>JSON（*.json）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/loader.py" />
      <source>JSON error: {error}</source>
      <translation>JSON 错误：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Jobs and income</source>
      <translation>就业与收入</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>Junction spacing in metres (0 = automatic)</source>
      <translation>交叉口间距（米；0 = 自动）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/base.py" />
      <source>Key task</source>
      <translation>重点任务</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Key tasks</source>
      <translation>重点任务</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Key tasks table for 附件2 (CSV / xlsx)</source>
      <translation>附件2 重点任务表（CSV / xlsx）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Kindergarten</source>
      <translation>幼儿园</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Kindergartens (幼儿园)</source>
      <translation>幼儿园</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>Known districts were given but no district column is mapped; district names are not checked.</source>
      <translation>已提供区名列表，但未对应所在区列；未检查区名。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>Land class</source>
      <translation>地类</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Land class code</source>
      <translation>地类编码</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Land class name</source>
      <translation>地类名称</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/layer_tree.py" />
      <source>Land use</source>
      <translation>土地利用</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Land-use area</source>
      <translation>地类面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/landuse_area.py" />
      <source>Land-use area by group</source>
      <translation>按地类汇总面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/overlay_area.py" />
      <source>Land-use area inside a control line</source>
      <translation>控制线内地类面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/landuse_area.py" />
      <source>Land-use areas</source>
      <translation>地类面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Land-use codes of residential land (DLBM; empty = every polygon)</source>
      <translation>居住用地的地类编码（DLBM；留空 = 全部多边形）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>Land-use group '{group}' needs the CZCSXM (城镇村属性码) field of '{layer}'.</source>
      <translation>用地分组“{group}”需要图层“{layer}”的 CZCSXM（城镇村属性码）字段。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Land-use group '{group}' needs the CZCSXM (城镇村属性码) field.</source>
      <translation>地类分组“{group}”需要 CZCSXM（城镇村属性码）字段。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/overlay_area.py" />
      <source>Land-use group id</source>
      <translation>地类组标识</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/landuse_area.py" />
      <source>Land-use groups (ids, comma-separated; empty = all)</source>
      <translation>地类组（标识，逗号分隔；留空 = 全部）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Land-use measures read DLTB roles ({roles}), not '{role}'.</source>
      <translation>用地度量读取地类图斑角色（{roles}），而不是“{role}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Land-use share</source>
      <translation>地类占比</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Land-use survey patches, base year 2020 (DLTB)</source>
      <translation>地类图斑（2020 基期年）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Land-use survey patches, current year (DLTB)</source>
      <translation>地类图斑（现状年）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Language of the maps</source>
      <translation>图面语言</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Language of the tables (default zh_CN; '' for English)</source>
      <translation>表格语言（默认 zh_CN；留空为英文）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Language of the tables and messages when QGIS is there (default zh_CN; empty: English)</source>
      <translation>有 QGIS 时表格和提示信息的语言（默认 zh_CN；留空：英文）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Largest difference (percentage points)</source>
      <translation>最大偏差（百分点）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Largest margin difference (percentage points)</source>
      <translation>边际最大偏差（百分点）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Largest share of unanswered questions</source>
      <translation>未作答题目的最大比例</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Largest weight</source>
      <translation>最大权重</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/findings_xlsx.py" />
      <source>Layer</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/context.py" />
      <source>Layer '{layer}' (role {role}) has no field {field} ({what}).</source>
      <translation>图层“{layer}”（角色 {role}）没有字段 {field}（{what}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>Layer '{layer}' (role {role}) has no field {field}, which the filter '{filter}' needs.</source>
      <translation>图层“{layer}”（角色 {role}）没有筛选条件“{filter}”所需的字段 {field}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/map_layers.py" />
      <source>Layer '{layer}' ({role}) has no features.</source>
      <translation>图层“{layer}”（{role}）没有要素。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/gpkg.py" />
      <source>Layer '{layer}' already exists in {path}: allow overwriting or choose another name.</source>
      <translation>图层“{layer}”已存在于 {path}：请允许覆盖或换一个名称。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Layer '{layer}' does not overlap the district layer '{district}': its extent is elsewhere.</source>
      <translation>图层“{layer}”与行政区图层“{district}”不重叠：其范围位于别处。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/gpkg.py" />
      <source>Layer '{layer}' has CRS '{crs}' without an EPSG code; pass srs_id and srs_wkt.</source>
      <translation>图层“{layer}”的坐标系“{crs}”没有 EPSG 代码，请提供 srs_id 和 srs_wkt。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layers.py" />
      <source>Layer '{layer}' has no CRS: set it first, then reproject.</source>
      <translation>图层“{layer}”没有坐标系：请先设置坐标系，再进行重投影。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/context.py" />
      <source>Layer '{layer}' has no CRS; assumed to be {crs}.</source>
      <translation>图层“{layer}”没有坐标参考系；按 {crs} 处理。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layers.py" />
      <source>Layer '{layer}' has no CRS; it was read as it is, without reprojection into {crs}.</source>
      <translation>图层“{layer}”没有坐标系；已按原样读取，未重投影到 {crs}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>Layer '{layer}' has no DLBM (地类编码) field.</source>
      <translation>图层“{layer}”没有 DLBM（地类编码）字段。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Layer '{layer}' has no coordinate reference system.</source>
      <translation>图层“{layer}”没有坐标参考系。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Layer '{layer}' has no features.</source>
      <translation>图层“{layer}”没有要素。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>Layer '{layer}' has no field '{field}' with district names.</source>
      <translation>图层“{layer}”中没有存放区名的字段“{field}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Layer '{layer}' has no field '{field}'.</source>
      <translation>图层“{layer}”没有字段“{field}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/map_layers.py" />
      <source>Layer '{layer}' has no field {fields} ({role}).</source>
      <translation>图层“{layer}”缺少字段 {fields}（{role}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/styles.py" />
      <source>Layer '{layer}' has no field {fields}: it is drawn with a plain symbol.</source>
      <translation>图层“{layer}”没有字段 {fields}：以单一符号显示。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/map_layers.py" />
      <source>Layer '{layer}' has no field {field}: it is drawn with one symbol.</source>
      <translation>图层“{layer}”缺少字段 {field}：以单一符号绘制。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Layer '{layer}' has no land class field DLBM (地类编码); map the field in the Data panel.</source>
      <translation>图层“{layer}”缺少地类编码字段 DLBM，请在数据面板中指定字段对应关系。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/demand.py" />
      <source>Layer '{layer}' has no population field '{field}': choose the field that holds residents per feature.</source>
      <translation>图层“{layer}”没有人口字段“{field}”：请选择记录每个要素常住人口的字段。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>Layer '{layer}' has no {field} field (zone codes).</source>
      <translation>图层“{layer}”没有 {field} 字段（分区代码）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/context.py" />
      <source>Layer '{layer}' has no {field} field: areas are ellipsoidal CGCS2000.</source>
      <translation>图层“{layer}”没有 {field} 字段：面积按 CGCS2000 椭球面积计算。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/context.py" />
      <source>Layer '{layer}' has no {field} field: no per-{unit} values.</source>
      <translation>图层“{layer}”没有 {field} 字段：不按 {unit} 分单元统计。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/role_status.py" />
      <source>Layer '{layer}' has the wrong geometry type for this role.</source>
      <translation>图层“{layer}”的几何类型不符合该角色。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Layer '{layer}' has {count} feature(s) whose {czcs} does not fit their {dlbm} (CZCSXM / DLBM: {examples}).</source>
      <translation>图层“{layer}”有 {count} 个要素的 {czcs} 与其 {dlbm} 不匹配（城镇村属性码 / 地类编码：{examples}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Layer '{layer}' has {count} feature(s) with an empty or missing geometry.</source>
      <translation>图层“{layer}”有 {count} 个要素的几何为空或缺失。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Layer '{layer}' has {count} feature(s) with an invalid geometry, e.g. feature {fid}: {reason}.</source>
      <translation>图层“{layer}”有 {count} 个要素的几何无效，例如要素 {fid}：{reason}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Layer '{layer}' has {found} geometries, but the role '{role}' needs {wanted} geometries.</source>
      <translation>图层“{layer}”的几何类型为{found}，但角色“{role}”需要{wanted}几何。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Layer '{layer}' is a shapefile without a .cpg file; its text is {encoding}-encoded and was read as {encoding}.</source>
      <translation>图层“{layer}”是缺少 .cpg 文件的 shapefile；其文本为 {encoding} 编码，已按 {encoding} 读取。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Layer '{layer}' is empty: type '{type}' is left out.</source>
      <translation>图层“{layer}”为空：不评估“{type}”类。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/graph.py" />
      <source>Layer '{layer}' is in a geographic CRS ({crs}); network distances need metres. Reproject it to a projected CRS such as CGCS2000 / 3-degree Gauss-Kruger (e.g. EPSG:4548).</source>
      <translation>图层“{layer}”使用地理坐标系（{crs}）；路网距离需要以米为单位。请将其投影到投影坐标系，例如 CGCS2000 / 3 度高斯-克吕格投影（如 EPSG:4548）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Layer '{layer}' is in a geographic CRS ({crs}); overlay areas need a projected metric CRS (e.g. CGCS2000 3-degree Gauss-Kruger, EPSG:4548).</source>
      <translation>图层“{layer}”为地理坐标系（{crs}），叠加面积计算需要以米为单位的投影坐标系（如 CGCS2000 3度带高斯-克吕格，EPSG:4548）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Layer '{layer}' is in the geographic CRS {crs} (degrees); areas and distances need a projected CRS in metres.</source>
      <translation>图层“{layer}”采用地理坐标系 {crs}（单位为度）；量算面积和距离需要以米为单位的投影坐标系。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Layer '{layer}' is in {crs} while {n} other layer(s) are in {common}.</source>
      <translation>图层“{layer}”的坐标系为 {crs}，而其他 {n} 个图层为 {common}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/finding_actions.py" />
      <source>Layer '{layer}' is no longer in the project.</source>
      <translation>图层“{layer}”已不在工程中。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/map_layers.py" />
      <source>Layer '{layer}' is not a {geometry} layer as {role} needs.</source>
      <translation>图层“{layer}”不是{role}所需的 {geometry} 图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/gpkg.py" />
      <source>Layer '{layer}' is not in the GeoPackage (it has: {names}).</source>
      <translation>GeoPackage 中没有图层“{layer}”（现有图层：{names}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Layer '{layer}' lacks the field {field} ({label}); looked for: {names}.</source>
      <translation>图层“{layer}”缺少字段 {field}（{label}）；已查找：{names}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>Layer '{layer}' of POINTS is not a readable vector layer.</source>
      <translation>POINTS 中的图层“{layer}”不是可读取的矢量图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Layer '{layer}' overlaps none of the other layers: its extent is elsewhere.</source>
      <translation>图层“{layer}”与其他图层均不重叠：其范围位于别处。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/context.py" />
      <source>Layer '{layer}' reprojected from {source} to {target}.</source>
      <translation>图层“{layer}”已从 {source} 重投影到 {target}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Layer '{layer}' was not recognised as any role and is not used.</source>
      <translation>图层“{layer}”未被识别为任何角色，不参与计算。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layers.py" />
      <source>Layer '{layer}' was reprojected from {source} to {target}.</source>
      <translation>图层“{layer}”已从 {source} 重投影到 {target}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/demand.py" />
      <source>Layer '{layer}': {count} features have no valid '{field}' value and count as 0 residents (feature ids {ids}).</source>
      <translation>图层“{layer}”：有 {count} 个要素的“{field}”值无效，按 0 人计（要素编号 {ids}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/context.py" />
      <source>Layer '{layer}': {n} features without geometry are ignored.</source>
      <translation>图层“{layer}”：{n} 个无几何的要素被忽略。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/context.py" />
      <source>Layer '{layer}': {n} invalid geometries repaired (make_valid) for the computation; the source layer is unchanged.</source>
      <translation>图层“{layer}”：为计算修复了 {n} 个无效几何（make_valid）；源图层未改动。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Layer '{layer}': {tbdlmj} differs from {tbmj} − {kcmj} by more than {tol} m² for {count} feature(s) (e.g. feature {fid}: {a} ≠ {b} − {c}).</source>
      <translation>图层“{layer}”：有 {count} 个要素的 {tbdlmj} 与 {tbmj} − {kcmj} 相差超过 {tol} 平方米（例如要素 {fid}：{a} ≠ {b} − {c}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/context.py" />
      <source>Layer role '{role}' ({label}) is not assigned or empty.</source>
      <translation>图层角色“{role}”（{label}）未指定或为空。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Layer {layer} could not be read ({error}); role {role} is treated as missing.</source>
      <translation>无法读取图层 {layer}（{error}）；角色 {role} 按缺失处理。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Layers '{a}' ({crs_a}) and '{b}' ({crs_b}) are in different coordinate systems; reproject them to one projected CRS (e.g. EPSG:4548) first.</source>
      <translation>图层“{a}”（{crs_a}）与“{b}”（{crs_b}）坐标系不同，请先统一投影到同一投影坐标系（如 EPSG:4548）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/open_package_dialog.py" />
      <source>Layers are added to the project in the group “CityHealth data” and their roles are recognised. The source data is not changed.</source>
      <translation>图层将加入工程的“城市体检数据”分组，并自动识别其角色。源数据不会被修改。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/context.py" />
      <source>Layers are in longitude/latitude; planar work in {crs} (CGCS2000 Gauss-Krüger).</source>
      <translation>图层为经纬度坐标；平面计算在 {crs}（CGCS2000 高斯-克吕格）中进行。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Leave out the map set (附件3)</source>
      <translation>不生成分析图集（附件3）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Left out:</source>
      <translation>未生成：</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Left out: {item}: {reason}</source>
      <translation>未生成：{item}：{reason}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Left out: {map}: {reason}</source>
      <translation>未出图：{map}：{reason}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/service_area.py" />
      <source>Length of reached roads (km)</source>
      <translation>可达道路长度（千米）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Level / bridge layer</source>
      <translation>层次（桥梁/隧道）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Level 1</source>
      <translation>一级类别</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Level 2</source>
      <translation>二级类别</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>Level-1 category</source>
      <translation>一级类别</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Level-1 category must be one of {values}, not '{value}'.</source>
      <translation>一级类别必须是 {values} 之一，而不是“{value}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>Level-2 category</source>
      <translation>二级类别</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/life_circle.py" />
      <source>Life circle per resident feature</source>
      <translation>各居民要素的生活圈</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/life_circle.py" />
      <source>Life-circle summary</source>
      <translation>生活圈汇总</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Load mapping</source>
      <translation>加载字段对应</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Load mapping…</source>
      <translation>加载字段对应…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>Load the database's current version and put your edited fields back on top; review them and save again.</source>
      <translation>加载数据库中的当前版本，并把您修改过的字段重新填回；核对后再次保存。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>Load…</source>
      <translation>加载…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Local (地方)</source>
      <translation>地方</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>Location outside the city's districts</source>
      <translation>位置不在本市各区范围内</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Location x / longitude</source>
      <translation>位置 X / 经度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Location y / latitude</source>
      <translation>位置 Y / 纬度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Locked column edited</source>
      <translation>锁定列被修改</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>Longitude / latitude</source>
      <translation>经度 / 纬度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>Low</source>
      <translation>低</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Lower bound</source>
      <translation>置信区间下限</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Main concerns in open answers</source>
      <translation>开放题主要关注问题</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Make the package</source>
      <translation>生成成果包</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Makes the planning implementation analysis map set (附件3 规划实施分析图集) of the health check: one multi-page PDF with a contents page and one PNG per page. Each map is a print layout from a template with title, legend, scale bar in km, north arrow, CRS note, data sources and date. Give the layers of the roles you have; maps whose layers or results are missing are left out and listed with the reason. Results of other steps draw more maps: bottom-line violations, facility service areas and uncovered residential land (with a 'facility' field), 15-minute life-circle completeness (fields 'within' and 'required'), satisfaction and indicator values by district (tables with XZQDM and value; indicator tables also code, name and unit). With 'per-district atlas' each map is followed by one page per district. PNG resolution is DPI; the PDF keeps vectors and embeds the Chinese font.</source>
      <translation>生成城市体检的规划实施分析图集（附件3）：一个带目录页的多页 PDF，并为每页输出一个 PNG。每幅图都是由模板生成的打印布局，包含标题、图例、以千米为单位的比例尺、指北针、坐标系说明、数据来源和制图日期。请提供已有的各角色图层；缺少图层或成果的图件不出图，并列出原因。其他步骤的成果可生成更多图件：底线管控问题图斑、设施服务范围及未覆盖的居住用地（带“facility”字段）、15分钟生活圈完善度（“within”和“required”字段）、分区满意度和分区指标值（含 XZQDM 和 value 的表；指标表还需 code、name 和 unit）。勾选“分区图册”后，每幅图之后附每个行政区一页。PNG 分辨率由 DPI 决定；PDF 保留矢量并嵌入中文字体。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Making the package … (the map set takes a while)</source>
      <translation>正在生成成果包……（分析图集需要一些时间）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/role_status.py" />
      <source>Mandatory: the health check cannot start without this layer.</source>
      <translation>必需：缺少该图层无法开展体检。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Manifest (JSON)</source>
      <translation>成果清单（JSON）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Map</source>
      <translation>图件</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>Map '{map}' has nothing to show: its layers have no features.</source>
      <translation>图件“{map}”没有可显示的内容：其图层没有要素。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>Map '{map}' needs {source}.</source>
      <translation>图件“{map}”需要 {source}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Map CRS (projected, in metres)</source>
      <translation>地图坐标系（投影坐标系，单位米）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Map PNG resolution (DPI)</source>
      <translation>地图 PNG 分辨率（DPI）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Map both the x (longitude) and the y (latitude) column, or neither.</source>
      <translation>请同时对应 X（经度）列和 Y（纬度）列，或都不对应。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Map language</source>
      <translation>图面语言</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Map paper (landscape)</source>
      <translation>图纸幅面（横向）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Map set</source>
      <translation>图集</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Map set PDF</source>
      <translation>图集 PDF</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>Map set cover</source>
      <translation>图集封面</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Map set export failed</source>
      <translation>图集导出失败</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Map set written to {path} ({pages} pages).</source>
      <translation>图集已写入 {path}（共 {pages} 页）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Mapping</source>
      <translation>字段对应</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Mapping saved to {path}.</source>
      <translation>字段对应已保存到 {path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Mapping used (json)</source>
      <translation>所用字段对应（json）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Maps (comma-separated ids; empty: every map that can be drawn)</source>
      <translation>地图（逗号分隔的编号；留空：所有可绘制的地图）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Maps (none chosen = every map that can be drawn)</source>
      <translation>图件（不选 = 所有可出图的图件）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Maps exported (ids)</source>
      <translation>已导出的图件（标识）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Maps left out, with the reason</source>
      <translation>未出图的图件及原因</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Market / fresh-food supermarket</source>
      <translation>菜市场/生鲜超市</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Markets and fresh-food supermarkets (菜市场/生鲜超市)</source>
      <translation>菜市场/生鲜超市</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Mean (1–5)</source>
      <translation>平均分（1–5）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>Meaning</source>
      <translation>含义</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Measure</source>
      <translation>量算内容</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>Measure 'sum' needs 'field'.</source>
      <translation>度量“sum”需要“field”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>Measure '{kind}' does not take {keys} (it takes: {allowed}).</source>
      <translation>度量“{kind}”不接受 {keys}（可用参数：{allowed}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Measures and suggestions (提升措施及建议)</source>
      <translation>提升措施及建议</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Medical care</source>
      <translation>医疗</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>Medium</source>
      <translation>中</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Message</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/status_rules.py" />
      <source>Met</source>
      <translation>达标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Metadata missing or damaged</source>
      <translation>元数据缺失或损坏</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Method</source>
      <translation>方法</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>Method '{method}' is not an expression method.</source>
      <translation>方法“{method}”不是表达式类方法。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/engine.py" />
      <source>Method '{method}' is not installed in this version.</source>
      <translation>此版本未安装方法“{method}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Middle school</source>
      <translation>中学</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Middle schools (中学)</source>
      <translation>中学</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Missing</source>
      <translation>缺少</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Missing input</source>
      <translation>缺少输入</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Missing input / message</source>
      <translation>缺少的输入 / 说明</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Missing input: {roles}. Assign a layer to this role to run the check.</source>
      <translation>缺少输入：{roles}。请为该角色指定图层后再运行检查。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>Missing input: {source}.</source>
      <translation>缺少输入：{source}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Missing inputs (input: indicators):</source>
      <translation>缺少的输入（输入：受影响的指标）：</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>Missing layer: {role}. Assign it in the Data panel.</source>
      <translation>缺少图层：{role}。请在“数据”面板中指定。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>Missing parameter(s): {keys}.</source>
      <translation>缺少参数：{keys}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Missing required value(s): {columns}.</source>
      <translation>缺少必填项：{columns}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>Missing result: {result}.</source>
      <translation>缺少成果：{result}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>Missing result: {result}. Run {producer} first.</source>
      <translation>缺少成果：{result}。请先运行{producer}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Missing {item}: {codes}</source>
      <translation>缺少 {item}：{codes}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Missing:</source>
      <translation>缺少：</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/schema.py" />
      <source>Monitoring data</source>
      <translation>监测数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>Moved away from the {year} target since {base_year}: {base} to {value} {unit} (target {target}).</source>
      <translation>自{base_year}年以来偏离{year}年目标：由 {base} 变为 {value} {unit}（目标 {target}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/status_rules.py" />
      <source>Nearly met</source>
      <translation>基本达标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Needs: {roles}</source>
      <translation>需要：{roles}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Network connectivity</source>
      <translation>网络联通</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>New</source>
      <translation>新值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>New construction</source>
      <translation>新增建设用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>New construction by base class</source>
      <translation>新增建设用地来源</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>New construction land outside the urban development boundary</source>
      <translation>城镇开发边界外新增建设用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>New construction land since the base year</source>
      <translation>基期以来新增建设用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>New indicator lacks {columns}.</source>
      <translation>新增指标缺少 {columns}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>New value</source>
      <translation>新值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Next steps</source>
      <translation>下一步措施</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/geodesy.py" />
      <source>No CGCS2000 3-degree Gauss-Krüger zone has central meridian {cm}°.</source>
      <translation>没有中央经线为 {cm}° 的 CGCS2000 三度带高斯-克吕格投影带。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/gpkg.py" />
      <source>No WKT definition is known for EPSG:{code}: pass its WKT (srs_wkt) or reproject the layer to EPSG:4548.</source>
      <translation>未知 EPSG:{code} 的 WKT 定义：请提供其 WKT（srs_wkt），或将图层重投影到 EPSG:4548。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>No check could run: {messages}</source>
      <translation>没有可运行的检查：{messages}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>No city-wide values: the diagnosis uses unit '{unit}'.</source>
      <translation>无全市数据，诊断采用单元“{unit}”的数据。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/trend.py" />
      <source>No comparison</source>
      <translation>无对比数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>No compiled translation for {lang}: tables are written in English.</source>
      <translation>没有 {lang} 的已编译翻译：表格以英文输出。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package.py" />
      <source>No data package was given: choose a GeoPackage, a folder or a database.</source>
      <translation>未指定数据包：请选择 GeoPackage、文件夹或数据库。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/thresholds.py" />
      <source>No default threshold for facility type '{type}': give one in metres.</source>
      <translation>设施类型“{type}”没有默认阈值：请以米为单位给出阈值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>No destination of type '{type}' can reach the base: its coverage is 0.</source>
      <translation>没有“{type}”类目的地能到达基数范围：其覆盖率为 0。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/steps.py" />
      <source>No earlier years in the data package (no base-year DLTB, no earlier {table} rows).</source>
      <translation>数据包中没有往年数据（没有基期年地类图斑，也没有往年的 {table} 记录）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>No form is open.</source>
      <translation>未打开表单。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>No indicator can be computed with the given layers and statistics.</source>
      <translation>现有图层和统计数据无法计算任何指标。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>No key tasks for {year} (database, KEY_TASKS table or file): 附件2 is a blank list to fill in.</source>
      <translation>没有 {year} 年的重点任务（数据库、KEY_TASKS 表或文件）：附件2 为待填写的空白清单。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>No layer is assigned to the mandatory role '{role}'.</source>
      <translation>必需角色“{role}”尚未指定图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>No map of the set can be drawn with the given layers. {reasons}</source>
      <translation>用所给图层无法绘制图集中的任何图件。{reasons}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>No map of the set has anything to draw. {reasons}</source>
      <translation>图集中没有任何图件有可绘制的内容。{reasons}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/importer.py" />
      <source>No mapping given: the columns were assigned from their headers; check the mapping.</source>
      <translation>未提供字段对应关系：已根据列标题自动对应，请核对。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/gap.py" />
      <source>No objective data</source>
      <translation>无客观数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/gap.py" />
      <source>No objective indicator is related to: {dimensions}.</source>
      <translation>以下维度没有关联的客观指标：{dimensions}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>No objective indicator values by district (assessment database): no comparison.</source>
      <translation>评估数据库中无分区客观指标值：未进行对比。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/gap.py" />
      <source>No objective values for {districts}; they are left out of the comparison.</source>
      <translation>{districts}没有客观指标值，不参与对比。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>No open-answer column is mapped; concerns cannot be counted.</source>
      <translation>没有对应的开放题列，无法统计关注问题。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/messages.py" />
      <source>No permission to write {path}. Choose another folder.</source>
      <translation>没有写入 {path} 的权限。请选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/pipeline_step.py" />
      <source>No population shares (survey_margins.csv or a SURVEY_MARGINS table): the survey is not weighted.</source>
      <translation>没有人口构成（survey_margins.csv 或 SURVEY_MARGINS 表）：问卷未加权。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>No population shares were given: the survey is not weighted.</source>
      <translation>未提供人口构成：问卷未加权。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>No population shares: the balance was not checked.</source>
      <translation>无人口构成：未检查样本均衡性。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>No population shares: the sample balance is not checked and the scores are not weighted.</source>
      <translation>无人口构成：不检查样本均衡性，得分不加权。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>No problems found.</source>
      <translation>未发现问题。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>No provenance is stored for this result.</source>
      <translation>此结果没有保存来源记录。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>No question is mapped to a satisfaction dimension.</source>
      <translation>没有任何题目对应到满意度维度。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>No question is mapped to the dimension '{dimension}'.</source>
      <translation>没有题目对应到维度“{dimension}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/analysis.py" />
      <source>No questionnaire passed screening; check the screening rules and the mapping.</source>
      <translation>没有问卷通过筛查；请检查筛查规则和字段对应关系。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/pipeline_step.py" />
      <source>No questionnaires (survey_{year}.xlsx / .csv next to the data package, or a SURVEY table): the satisfaction survey is skipped.</source>
      <translation>没有问卷（数据包旁的 survey_{year}.xlsx / .csv，或 SURVEY 表）：跳过满意度调查。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>No residential polygon is left (codes {codes}).</source>
      <translation>没有剩余的居住用地多边形（编码 {codes}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>No respondent in {categories} of '{attribute}': their population share is spread over the other categories.</source>
      <translation>“{attribute}”中的 {categories} 没有受访者：其总体比例已按比例分摊到其他类别。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>No results for {year} yet: tick indicators and press Compute.</source>
      <translation>{year} 年暂无结果：请勾选指标并点击“计算”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>No roads layer: the network reading is not computed, only the straight-line radius.</source>
      <translation>未提供道路图层：不计算路网口径，仅计算直线半径口径。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>No statistics table {table} in the data package: statistical indicators are missing.</source>
      <translation>数据包中没有统计表 {table}：统计类指标缺少数据。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/styles.py" />
      <source>No style for role '{role}'.</source>
      <translation>角色“{role}”没有样式。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/pipeline_step.py" />
      <source>No survey mapping file: the columns were assigned from their headers; check {name}.</source>
      <translation>没有字段对应文件：已按表头识别各列；请检查 {name}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>No target, range or limit to assess against.</source>
      <translation>无目标值、区间或约束值，无法评价。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis_inputs.py" />
      <source>No targets: indicators are judged only where a range or limit is known; give a targets table (code, target_2025, target_2035, lower, upper, limit, limit_type).</source>
      <translation>没有目标值：仅对已知区间或约束值的指标作出评价；请提供目标值表（code、target_2025、target_2035、lower、upper、limit、limit_type）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>No threshold given for facility type(s): {names}.</source>
      <translation>未给出以下设施类型的阈值：{names}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>No value for {year}.</source>
      <translation>{year}年无数值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>No value yet</source>
      <translation>尚无数值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>No values for any indicator of the indicator table.</source>
      <translation>指标表中的指标均无数值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>No values for the base year {year}: progress toward the targets cannot be measured.</source>
      <translation>无基期年（{year}年）数值，无法测算目标完成进度。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>No values for unit '{unit}'.</source>
      <translation>单元“{unit}”无数值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package.py" />
      <source>No vector layer in '{path}' could be opened.</source>
      <translation>“{path}”中没有可打开的矢量图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_sources.py" />
      <source>No vector layers found in {source}.</source>
      <translation>{source} 中没有矢量图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>No violations</source>
      <translation>无违规</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>No violations found.</source>
      <translation>未发现违规图斑。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>No weighting</source>
      <translation>不加权</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>No weighting (equal weights)</source>
      <translation>不加权（等权）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Noise</source>
      <translation>噪音</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>None of the alternatives is available: {items}.</source>
      <translation>所有备选输入均不可用：{items}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/loader.py" />
      <source>Not UTF-8 text ({error}); save the file as UTF-8 (CSV UTF-8 in Excel).</source>
      <translation>不是 UTF-8 文本（{error}）；请将文件另存为 UTF-8（Excel 中选择“CSV UTF-8”）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Not a drop-down choice</source>
      <translation>不是下拉选项</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/status_rules.py" />
      <source>Not assessed</source>
      <translation>未评价</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/result_tables.py" />
      <source>Not available</source>
      <translation>不可用</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>Not enough memory to export {path}. Use a lower resolution (DPI) or the A4 paper size.</source>
      <translation>内存不足，无法导出 {path}。请降低分辨率（DPI）或改用 A4 纸张。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/status_rules.py" />
      <source>Not met</source>
      <translation>未达标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Not saved: {message}</source>
      <translation>未保存：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Note on the selected violation (e.g. approved temporary use)</source>
      <translation>所选违规图斑的备注（例如：已批准的临时用地）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>Note: {note}</source>
      <translation>备注：{note}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>Nothing to draw: the computed layer '{layer}' has no features.</source>
      <translation>没有可绘制的内容：计算得到的图层“{layer}”没有要素。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/workbook_dialogs.py" />
      <source>Nothing to import: no cell differs from the database.</source>
      <translation>无可导入内容：没有与数据库不同的单元格。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/audit.py" />
      <source>Nothing to undo for {code} ({year}).</source>
      <translation>{code}（{year} 年）没有可撤销的保存。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Nothing to undo.</source>
      <translation>没有可撤销的保存。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>Nothing was saved. Your version and the database's current version, where they differ (* = fields you edited):</source>
      <translation>未保存任何内容。以下为您的版本与数据库当前版本不同的字段（* 为您修改过的字段）：</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/validate_data_package.py" />
      <source>Number of errors</source>
      <translation>错误数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Number of files written</source>
      <translation>写入的文件数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Number of pages</source>
      <translation>页数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>Number of sites</source>
      <translation>选址数量</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/validate_data_package.py" />
      <source>Number of warnings</source>
      <translation>警告数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Objective z</source>
      <translation>客观指标标准分</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Occupation</source>
      <translation>职业</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Old</source>
      <translation>原值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Old value</source>
      <translation>原值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>On schedule: {achieved}% of the way to the {year} target after {elapsed}% of the time.</source>
      <translation>进度符合预期：时间进度 {elapsed}%，已完成至{year}年目标的 {achieved}%。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>One-way (0 both, 1 forward, -1 backward)</source>
      <translation>单行（0 双向，1 顺数字化方向，-1 逆向）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Only inside (e.g. the urban area)</source>
      <translation>仅计范围内（如城区范围）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>Only {valid} valid questionnaires; the work plan asks for at least {required}.</source>
      <translation>有效问卷仅 {valid} 份；工作方案要求不少于 {required} 份。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Open a year of the assessment database first.</source>
      <translation>请先打开体检评估数据库的某一年度。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>Open answer</source>
      <translation>开放题</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Open answer: column '{old}' is now '{new}'.</source>
      <translation>开放题：列“{old}”现为“{new}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/open_package_dialog.py" />
      <source>Open data package</source>
      <translation>打开数据包</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Open folder</source>
      <translation>打开文件夹</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Open in layout designer</source>
      <translation>在布局设计器中打开</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/workbook_dialogs.py" />
      <source>Open report</source>
      <translation>打开报告</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Open the data package that holds this layer, or pick the layer for '{role}' in the Data panel (its standard name is {name}).</source>
      <translation>请打开包含该图层的数据包，或在数据面板中为“{role}”选择图层（其标准名称为 {name}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Open the map in the layout designer first, edit it, then save it as the template.</source>
      <translation>请先在布局设计器中打开该图件并编辑，然后再保存为模板。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_sources.py" />
      <source>Opening the existing demo city {path}.</source>
      <translation>正在打开已有的示例城市 {path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Opening the forms of {year}</source>
      <translation>打开 {year} 年的表单</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Openness (开放)</source>
      <translation>开放</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Openness and innovation</source>
      <translation>开放创新性</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/role_table.py" />
      <source>Optional fields: {fields}</source>
      <translation>可选字段：{fields}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/role_status.py" />
      <source>Optional: indicators that need this layer will be skipped.</source>
      <translation>可选：需要该图层的指标将被跳过。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Options</source>
      <translation>选项</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>Or: PostgreSQL connection (shared assessment database)</source>
      <translation>或：PostgreSQL 连接（共享评估数据库）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Organisation on the report covers</source>
      <translation>报告封面上的编制单位</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Origin</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/layer_tree.py" />
      <source>Other layers</source>
      <translation>其他图层</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Other reading — {label}: {rate:.2f} % ({covered} of {total})</source>
      <translation>其他口径 — {label}：{rate:.2f}%（{total}中的{covered}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Other zones (polygons)</source>
      <translation>其他分区（面）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Out of range</source>
      <translation>超出范围</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Output GeoPackage</source>
      <translation>输出 GeoPackage 文件</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Output folder</source>
      <translation>输出文件夹</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Output folder of the package</source>
      <translation>成果包输出文件夹</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>Outside boundary: new construction</source>
      <translation>开发边界外新增建设</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Overall satisfaction</source>
      <translation>总体满意度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Overall satisfaction score</source>
      <translation>总体满意度得分</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Overall satisfaction {score:.1f} (95% interval {low:.1f}–{high:.1f}), {pct:.1f}% satisfied; weighting: {method}.</source>
      <translation>总体满意度 {score:.1f}（95% 置信区间 {low:.1f}–{high:.1f}），满意率 {pct:.1f}%；加权方法：{method}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/pipeline_step.py" />
      <source>Overall satisfaction {score:.1f} of 100 (95% interval {low:.1f}–{high:.1f}).</source>
      <translation>总体满意度 {score:.1f} 分（满分 100，95% 置信区间 {low:.1f}–{high:.1f}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/overlay_area.py" />
      <source>Overlap polygons</source>
      <translation>叠加图斑</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Overlay area</source>
      <translation>叠加面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/overlay_area.py" />
      <source>Overlaying</source>
      <translation>正在叠加分析</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>PDF resolution for rasterised parts (DPI)</source>
      <translation>PDF 中栅格化部分的分辨率（DPI）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>PNG resolution</source>
      <translation>PNG 分辨率</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>PNG resolution (DPI)</source>
      <translation>PNG 分辨率（DPI）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/pipeline_step.py" />
      <source>Package skipped: no assessment database was written.</source>
      <translation>跳过成果包：未写入体检评估数据库。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>Package written to {folder} in {seconds:.1f} s ({files} files, {skipped} items skipped).</source>
      <translation>成果包已写入 {folder}，用时 {seconds:.1f} 秒（{files} 个文件，跳过 {skipped} 项）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Package written to {folder}: {files} files, {skipped} items left out.</source>
      <translation>成果包已写入 {folder}：{files} 个文件，{skipped} 项未生成。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>Package: {item}</source>
      <translation>成果包：{item}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Pad the codes with zeros to 4 characters (lpad("{field}", 4, '0') in the field calculator).</source>
      <translation>请将编码左补零至 4 位（在字段计算器中使用 lpad("{field}", 4, '0')）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>Page {page} of {total}: {name}</source>
      <translation>第 {page} 页，共 {total} 页：{name}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Paper</source>
      <translation>纸张</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Paper (landscape)</source>
      <translation>纸张（横向）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/indicator_inputs.py" />
      <source>Parameter {name}: a layer is needed.</source>
      <translation>参数 {name}：需要指定图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Parameters</source>
      <translation>参数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Parameters are not valid JSON ({error} at character {pos}): {text}</source>
      <translation>参数不是有效的 JSON（第 {pos} 个字符处：{error}）：{text}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Parameters must be a JSON object {{...}}.</source>
      <translation>参数必须是 JSON 对象 {{...}}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Park / square</source>
      <translation>公园绿地/广场</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Parking shortage</source>
      <translation>停车难</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Parks and green space</source>
      <translation>绿地公园</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Parks and squares (公园/广场)</source>
      <translation>公园/广场</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Parts</source>
      <translation>图斑数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/methods/expression.py" />
      <source>Parts of land-use patches inside '{clip}'; AREA_M2 = patch area × SHARE.</source>
      <translation>位于“{clip}”内的地类图斑部分；AREA_M2 = 图斑面积 × SHARE。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Patch area</source>
      <translation>图斑面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Patch id (BSM)</source>
      <translation>图斑标识码（BSM）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Patch land-class area</source>
      <translation>图斑地类面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>Patch {patch} · {code} {name}</source>
      <translation>图斑 {patch} · {code} {name}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Per capita</source>
      <translation>人均</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Per-district atlas pages</source>
      <translation>分区图册页</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Permanent basic farmland (永久基本农田)</source>
      <translation>永久基本农田</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Permanent basic farmland not used as cultivated land</source>
      <translation>永久基本农田非耕地利用</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Permanent basic farmland occupied by construction land</source>
      <translation>永久基本农田被建设占用</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Permanent basic farmland used as non-cultivated land</source>
      <translation>永久基本农田用于非耕地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Phrase</source>
      <translation>词语</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Pick an indicator in the tree to fill in its form.</source>
      <translation>在指标树中选择指标以填写其表单。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Planar areas used for parts without TBDLMJ: {reason}</source>
      <translation>无 TBDLMJ 的图斑部分采用平面面积：{reason}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Planned completion</source>
      <translation>计划完成时间</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Planned land use (规划用地)</source>
      <translation>规划用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Planned land-use code</source>
      <translation>规划用地编码</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Planning control</source>
      <translation>规划管控</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Pleasant natural environment</source>
      <translation>自然环境宜人性</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Plugin version</source>
      <translation>插件版本</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>Points far from the roads</source>
      <translation>远离道路的点</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Population density (people/km²)</source>
      <translation>人口密度（人/km²）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>Population field (empty = 1 per feature)</source>
      <translation>人口字段（留空 = 每个要素计 1）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Population share (%)</source>
      <translation>总体占比（%）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>Population share of '{category}' ({attribute}) is {value}; give a number of zero or more.</source>
      <translation>“{category}”（{attribute}）的总体构成比例为 {value}；请填写大于或等于零的数。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Population shares</source>
      <translation>人口构成</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Population shares (csv or xlsx: attribute, category, share)</source>
      <translation>人口构成（csv 或 xlsx：属性、类别、比例）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/balance.py" />
      <source>Population shares are given for '{attribute}', but no column is mapped to it.</source>
      <translation>已给出“{attribute}”的总体构成比例，但没有与之对应的问卷列。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/pipeline_step.py" />
      <source>Population shares for '{attribute}' are not used: no questionnaire column is mapped to it.</source>
      <translation>未使用“{attribute}”的人口构成：问卷中没有对应的列。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>Population shares of '{attribute}' add up to {total:.4f}; scaled to 1.</source>
      <translation>“{attribute}”的总体构成比例之和为 {total:.4f}；已缩放为 1。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>Population shares of '{attribute}' add up to {total:g}; they are taken as counts and scaled to shares.</source>
      <translation>“{attribute}”的总体构成之和为 {total:g}；按人数处理并换算为比例。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>Population shares of '{attribute}' are percentages; divided by 100.</source>
      <translation>“{attribute}”的总体构成比例为百分数，已除以 100。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>Population shares, row {row}: '{attribute}' is not an attribute; use one of: {choices}.</source>
      <translation>人口构成第 {row} 行：“{attribute}”不是受访者属性；请使用：{choices}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>Population shares, row {row}: '{value}' is not a number.</source>
      <translation>人口构成第 {row} 行：“{value}”不是数字。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>Population shares, row {row}: the category is empty.</source>
      <translation>人口构成第 {row} 行：类别为空。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>Population within the straight-line radius</source>
      <translation>直线半径范围内的人口</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>Population within the threshold along the road network</source>
      <translation>沿路网在阈值范围内的人口</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Post-stratification</source>
      <translation>事后分层加权</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Post-stratification by district</source>
      <translation>按区事后分层加权</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/analysis.py" />
      <source>Post-stratification on '{attribute}' needs its population shares.</source>
      <translation>按“{attribute}”事后分层需要其总体构成比例。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/open_package_dialog.py" />
      <source>PostGIS connection</source>
      <translation>PostGIS 连接</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>PostgreSQL connection “{name}”, schema {schema}</source>
      <translation>PostgreSQL 连接“{name}”，模式 {schema}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>PostgreSQL connections are the ones saved in QGIS (Data Source Manager › PostgreSQL). The GeoPackage is shared with the Indicators panel; by default it lies next to the project file.</source>
      <translation>PostgreSQL 连接即 QGIS 中已保存的连接（数据源管理器 › PostgreSQL）。GeoPackage 与“指标”面板共用，默认位于工程文件旁。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/postgres_backend.py" />
      <source>PostgreSQL needs the Python package psycopg2, which is not installed. Install it (QGIS ships it on most platforms) or use a GeoPackage.</source>
      <translation>连接 PostgreSQL 需要 Python 包 psycopg2，但未安装。请安装（大多数平台的 QGIS 已自带）或改用 GeoPackage。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>PostgreSQL schema</source>
      <translation>PostgreSQL 模式</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>Prepared {year}: {catalog} catalog rows and {forms} forms written.</source>
      <translation>已准备 {year} 年：写入 {catalog} 行指标体系和 {forms} 份填报表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Preparing the forms of {year}…</source>
      <translation>正在准备 {year} 年的表单…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Previous years</source>
      <translation>往年数值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Previous years: no values yet.</source>
      <translation>往年数值：暂无。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>Previous-year value</source>
      <translation>上年值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Primary school</source>
      <translation>小学</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Primary schools (小学)</source>
      <translation>小学</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Priority</source>
      <translation>优先级</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Problem description</source>
      <translation>问题描述</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Problems</source>
      <translation>问题</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/workbook_dialogs.py" />
      <source>Problems ({errors} errors, {warnings} warnings)</source>
      <translation>问题（{errors} 个错误，{warnings} 个警告）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>Progress {achieved}% lags the time elapsed ({elapsed}%) by {lag} points; {value} against the {year} target {target} {unit}.</source>
      <translation>完成进度 {achieved}% 落后于时间进度（{elapsed}%）{lag} 个百分点；现状 {value}，{year}年目标 {target} {unit}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>Projected (the district layer's CRS)</source>
      <translation>投影坐标（区界图层的坐标系）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>Proposed sites</source>
      <translation>建议选址</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>Proposes sites for new facilities, one at a time, each covering the most residents that no existing facility reaches within the threshold along the roads (greedy maximal coverage). Candidates are the road junctions (one per grid cell of the spacing) or your own candidate points (vacant plots, planned sites). The result lists the sites in order of choice with the residents each adds and the coverage rate after it; step 0 of the table is today's rate. It stops after N sites or when the target rate is reached.</source>
      <translation>逐个提出新设施的选址，每一步选择能覆盖最多“现有设施沿路网在阈值内无法覆盖的居民”的位置（贪心最大覆盖）。候选点为道路交叉口（按间距每个网格一个）或自定义的候选点（空地、规划地块）。结果按选择顺序列出各选址新增覆盖的居民及选址后的覆盖率；表中第 0 步为现状覆盖率。选满 N 个或达到目标覆盖率时停止。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/base.py" />
      <source>Provenance</source>
      <translation>数据来源记录</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Provenance: {code} {name}</source>
      <translation>来源记录：{code} {name}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Public order and safety</source>
      <translation>治安</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Public transport</source>
      <translation>公共交通</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deps.py" />
      <source>Python package '{name}' is missing.</source>
      <translation>缺少 Python 包“{name}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deps.py" />
      <source>Python package '{name}' is version {found}; {minimum} or newer is needed.</source>
      <translation>Python 包“{name}”的版本为 {found}，需要 {minimum} 或更新版本。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>QGIS cannot be imported ({error}): tables are written in English.</source>
      <translation>无法导入 QGIS（{error}）：表格以英文输出。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>QGIS cannot be imported ({error}): the map set (附件3) is left out.</source>
      <translation>无法导入 QGIS（{error}）：不生成分析图集（附件3）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>QGIS is closing.</source>
      <translation>QGIS 即将关闭。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>QGIS is not available here, so the maps cannot be drawn; make the package in QGIS (Deliverables dialog or cityhealth:exportpackage) or on a machine with QGIS</source>
      <translation>此处没有 QGIS，无法绘制地图；请在 QGIS 中（“年度成果”对话框或 cityhealth:exportpackage）或在装有 QGIS 的计算机上生成成果包</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Quantity</source>
      <translation>总量</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Question</source>
      <translation>题目</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Question '{column}' has the unknown dimension '{dimension}'; choose one of: {choices}.</source>
      <translation>题目“{column}”的维度“{dimension}”未知；请选择以下之一：{choices}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Question code '{code}' is used for more than one column; give each question its own code.</source>
      <translation>题号“{code}”被多个列使用；请为每道题指定唯一题号。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Question {code}: column '{old}' is now '{new}'.</source>
      <translation>题目 {code}：列“{old}”现为“{new}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>Question: {dimension}</source>
      <translation>题目：{dimension}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Questionnaire file</source>
      <translation>问卷文件</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Questionnaires</source>
      <translation>问卷数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Questionnaires (*.xlsx *.csv *.txt)</source>
      <translation>问卷 (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Questionnaires (xlsx or csv)</source>
      <translation>问卷（xlsx 或 csv）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Questionnaires and screening</source>
      <translation>问卷回收与筛查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Questionnaires received</source>
      <translation>回收问卷</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/pipeline_step.py" />
      <source>Questionnaires: {total} received, {valid} valid (required {required}: {verdict}).</source>
      <translation>问卷：回收 {total} 份，有效 {valid} 份（要求 {required} 份：{verdict}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>Questions without a dimension (choose one or leave ignored): {columns}</source>
      <translation>未归入维度的题目（请选择维度或保持忽略）：{columns}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Radius coverage</source>
      <translation>半径覆盖</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Rail transit station</source>
      <translation>轨道交通站点</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Rail transit stations (轨道站点)</source>
      <translation>轨道站点</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>Raking did not converge in {iterations} iterations: the largest margin is {error:.2%} off. Merge sparse categories, loosen the trimming bounds or allow more iterations.</source>
      <translation>耙权在 {iterations} 次迭代内未收敛：边际最大偏差为 {error:.2%}。请合并样本稀少的类别、放宽权重截断界限或增加迭代次数。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>Raking needs population shares for at least one attribute.</source>
      <translation>耙权至少需要一个属性的总体构成比例。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Raking to population margins</source>
      <translation>按总体边际比例耙权（raking）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Raking to the population shares</source>
      <translation>按人口构成迭代加权（raking）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Rank</source>
      <translation>排名</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Ratio</source>
      <translation>比值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/service_area.py" />
      <source>Reached roads</source>
      <translation>可达道路</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>Reached the {year} target: {value} against {target} {unit}.</source>
      <translation>已达到{year}年目标：现状 {value}，目标 {target} {unit}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/finding_actions.py" />
      <source>Read '{layer}' with encoding:</source>
      <translation>读取“{layer}”所用的编码：</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/importer.py" />
      <source>Read '{name}' as {encoding} text.</source>
      <translation>已按 {encoding} 编码读取“{name}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>Read population shares from a csv or xlsx file (attribute, category, share).</source>
      <translation>从 csv 或 xlsx 文件读取人口构成（属性、类别、比例）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/findings_model.py" />
      <source>Read the layer's text with another character encoding (the file is not changed).</source>
      <translation>用另一种字符编码读取图层文本（文件不会被修改）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/validate_data_package.py" />
      <source>Reading '{layer}' ({role})</source>
      <translation>正在读取“{layer}”（{role}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layers.py" />
      <source>Reading layer '{layer}' was canceled.</source>
      <translation>已取消读取图层“{layer}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Reading the districts</source>
      <translation>正在读取区界</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Reading the questionnaires</source>
      <translation>正在读取问卷</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Reading values and targets</source>
      <translation>正在读取指标值和目标值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Reading {name} …</source>
      <translation>正在读取 {name} …</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Reads a questionnaire export (xlsx, or csv in UTF-8 or GBK), maps its columns to the six satisfaction dimensions and the respondent attributes (a saved mapping JSON, or one suggested from the headers), screens the questionnaires (incomplete, same answer throughout, too fast, duplicates, outside the city, unknown district), compares the sample with the population shares (chi-square), weights it (raking), computes the scores with confidence intervals city-wide, by district and by group, counts the concerns in the open answers and compares the district scores with the objective indicators of the assessment database. Writes the tables (xlsx), the 附件4 satisfaction report (docx) with a district map (png), the mapping used (json) and, optionally, the districts with their scores as a layer.</source>
      <translation>读取问卷导出文件（xlsx，或 UTF-8 / GBK 编码的 csv），将各列对应到六个满意度维度和受访者属性（使用保存的字段对应 JSON，或按表头自动识别），筛查问卷（作答不完整、答案全部相同、答题过快、重复、不在市域内、区名不属于本市），将样本与人口构成比较（卡方检验）并加权（raking），计算全市、分区和分群体的满意度得分及置信区间，统计开放题中的关注问题，并将分区得分与评估数据库中的客观指标对比。输出分析表（xlsx）、附件4 社会满意度评价报告（docx）及分区图（png）、所用字段对应（json），并可输出带得分的分区图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Recommended (推荐)</source>
      <translation>推荐</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Rectification measures</source>
      <translation>整治措施</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Rectification task list</source>
      <translation>整治任务清单</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Rectification tasks</source>
      <translation>整治任务清单</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>Red line: construction</source>
      <translation>红线内建设</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Red-line name</source>
      <translation>红线名称</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Reject duplicate questionnaires</source>
      <translation>剔除重复问卷</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Reject duplicate respondent ids</source>
      <translation>剔除重复的问卷编号</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Rejected in all (a questionnaire can fail several rules)</source>
      <translation>剔除问卷合计（一份问卷可能同时不符合多条规则）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Rejected: {reason}</source>
      <translation>剔除：{reason}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/gap.py" />
      <source>Relation for unknown dimension '{dimension}'; use one of: {choices}.</source>
      <translation>关联关系中的维度“{dimension}”未知；请使用以下之一：{choices}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Reload</source>
      <translation>重新加载</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Reload results</source>
      <translation>重新读取结果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>Reload, discard my edits</source>
      <translation>重新加载并放弃我的修改</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>Reload, keep my edits</source>
      <translation>重新加载并保留我的修改</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Reloaded the current version with your edits on top: review them and save again.</source>
      <translation>已重新加载当前版本并填回您的修改：请核对后再次保存。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>Remove rows</source>
      <translation>删除行</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Rename the field to {field}, or map the layer's field to {field} in the Data panel.</source>
      <translation>请将字段重命名为 {field}，或在数据面板中把图层的字段对应到 {field}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/findings_model.py" />
      <source>Repair geometries</source>
      <translation>修复几何</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Repair them into a new layer (CityHealth makes them valid without changing the source) and assign the repaired layer to this role, or fix them in the source data.</source>
      <translation>请将其修复到新图层（CityHealth 在不改动源数据的前提下使几何有效），并将修复后的图层指定给该角色；或在源数据中修正。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/fix_actions.py" />
      <source>Repairing {layer}</source>
      <translation>正在修复 {layer}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Report outline (JSON; empty: the shipped one)</source>
      <translation>报告大纲（JSON；留空：使用内置大纲）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/outline.py" />
      <source>Report outline not found: {path}.</source>
      <translation>找不到报告大纲：{path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>Report points farther from a road than</source>
      <translation>报告距道路超过此距离的点</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Reported</source>
      <translation>部门填报</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Reported value</source>
      <translation>部门填报值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/fix_actions.py" />
      <source>Reprojecting {layer}</source>
      <translation>正在重投影 {layer}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/findings_model.py" />
      <source>Reproject…</source>
      <translation>重投影…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/role_status.py" />
      <source>Required fields missing: {fields}.</source>
      <translation>缺少必需字段：{fields}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/role_table.py" />
      <source>Required fields: {fields}</source>
      <translation>必需字段：{fields}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Required for national review (国审必选)</source>
      <translation>国审必选</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Requirement met</source>
      <translation>是否达到要求</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Resident population (人口)</source>
      <translation>常住人口</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Residential land (polygons, e.g. the DLTB)</source>
      <translation>居住用地（面，例如地类图斑）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>Residential land inside the network service area</source>
      <translation>位于路网服务范围内的居住用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>Residential land inside the straight-line radius</source>
      <translation>位于直线半径范围内的居住用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Residential land not covered</source>
      <translation>未覆盖的居住用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Residential land outside the service areas (field 'facility')</source>
      <translation>服务范围外的居住用地（字段“facility”）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Residents</source>
      <translation>人口数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>Residents (population points or grid cells)</source>
      <translation>居民（人口点或人口格网）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/facility_catchments.py" />
      <source>Residents allocated</source>
      <translation>居民分配结果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/gap.py" />
      <source>Residents feel better than the numbers say</source>
      <translation>居民感受好于客观数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/gap.py" />
      <source>Residents feel worse than the numbers say</source>
      <translation>居民感受差于客观数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Residents field of the population layer</source>
      <translation>人口图层的人口数字段</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/facility_catchments.py" />
      <source>Residents not served</source>
      <translation>未服务居民</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/facility_catchments.py" />
      <source>Residents served</source>
      <translation>已服务居民</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/life_circle.py" />
      <source>Residents with a complete life circle (%)</source>
      <translation>生活圈完整的居民占比（%）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Respondent id</source>
      <translation>问卷编号</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Respondents mentioning it</source>
      <translation>提及人数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Respondents using it</source>
      <translation>使用人数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>Responsible department</source>
      <translation>责任部门</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Result layers</source>
      <translation>结果图层</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/values.py" />
      <source>Result rows lack the columns {columns}.</source>
      <translation>结果行缺少列 {columns}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Returned department workbook</source>
      <translation>回收的部门填报表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>Reverse</source>
      <translation>反向计分</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Revert</source>
      <translation>还原</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Reviewed</source>
      <translation>已核查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Reviewed at</source>
      <translation>核查时间</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>Reviewed by {who} at {when}</source>
      <translation>{who} 于 {when} 核查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Reviewer</source>
      <translation>核查人</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/trend.py" />
      <source>Rising</source>
      <translation>上升</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Road class</source>
      <translation>道路等级</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>Road network topology check</source>
      <translation>路网拓扑检查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Road-network density (km/km²)</source>
      <translation>道路网密度（km/km²）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Road-network density, building coverage, floor-area ratio or population density for each zone (districts, sub-districts, grid cells …). Lengths and areas are ellipsoidal (CGCS2000); a road or building crossing a zone boundary is split by its length or area share; a road lying on a boundary counts half on each side. With WITHIN (e.g. the urban area) only what lies inside it counts, in the numerator and in the zone area alike — zones = districts and WITHIN = urban area give the per-district values of the catalog's 城区道路网密度 (B-05). FILTER selects features of the measured layer.</source>
      <translation>按分区（区、街道、网格等）计算道路网密度、建筑密度、容积率或人口密度。长度和面积为 CGCS2000 椭球量算；跨分区边界的道路或建筑按长度或面积比例拆分；位于边界上的道路两侧各计一半。指定 WITHIN（如城区范围）时，分子和分区面积都只计其范围内部分——分区取各区、WITHIN 取城区范围时，结果即指标目录中城区道路网密度（B-05）的分区值。FILTER 用于筛选被量算图层的要素。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>Roads (centre lines)</source>
      <translation>道路（中心线）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/derived.py" />
      <source>Roads ({roads}) and districts ({districts}) are in different CRSs.</source>
      <translation>道路（{roads}）与行政区（{districts}）的坐标系不同。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Roads (道路中心线)</source>
      <translation>道路中心线</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/graph.py" />
      <source>Roads layer '{layer}' has no line geometry: choose the road centre-line layer.</source>
      <translation>道路图层“{layer}”中没有线几何：请选择道路中心线图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/graph.py" />
      <source>Roads layer '{layer}' has no line usable for {mode}: check the road classes (DJ) and the walkable field (BX).</source>
      <translation>道路图层“{layer}”中没有可用于{mode}的线：请检查道路等级（DJ）和可步行字段（BX）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/classes.py" />
      <source>Roads layer '{layer}' has no road-class field (DJ): every road is used.</source>
      <translation>道路图层“{layer}”没有道路等级字段（DJ）：所有道路均参与计算。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/classes.py" />
      <source>Roads layer '{layer}': road classes not in the rules were treated with the default ({count} classes: {names}).</source>
      <translation>道路图层“{layer}”：规则中没有的道路等级按默认值处理（共 {count} 类：{names}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/layer_tree.py" />
      <source>Roads, buildings, population</source>
      <translation>道路、建筑与人口</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/findings_xlsx.py" />
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Role '{role}' has {found} geometry; this measure needs {needed}.</source>
      <translation>角色“{role}”的几何类型为 {found}；该度量需要 {needed}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_sources.py" />
      <source>Role recognition failed</source>
      <translation>角色识别失败</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>Routable edges by component</source>
      <translation>按连通分量的可通行路段</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/loader.py" />
      <source>Row has {n} cells but the header has {m} columns.</source>
      <translation>该行有 {n} 个单元格，但表头只有 {m} 列。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Row without a code.</source>
      <translation>该行缺少编码。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Row {row} has no indicator code.</source>
      <translation>第 {row} 行没有指标编号。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>Row {row} of the population table has no numeric share.</source>
      <translation>总体构成表第 {row} 行的比例不是数字。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Row {row} was added; indicators cannot be added in the workbook.</source>
      <translation>第 {row} 行是新增的：不能在填报表中增加指标。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Rows were deleted ({codes}); those indicators are left unchanged.</source>
      <translation>有行被删除（{codes}）；这些指标保持不变。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>Rule / district</source>
      <translation>规则 / 区县</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Run analysis</source>
      <translation>运行分析</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Run checks</source>
      <translation>运行检查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Run the checks to list the violations here.</source>
      <translation>运行检查后，违规图斑将列在此处。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Run the chosen checks on the layers assigned in the Data panel.</source>
      <translation>用“数据”面板中指定的图层运行所选检查。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Run the yearly assessment on a data package</source>
      <translation>对数据包运行年度体检评估</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>Run “Check data” to list data problems here.</source>
      <translation>点击“检查数据”，数据问题将列在这里。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Running …</source>
      <translation>正在运行…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>SHA-1: {sha1}</source>
      <translation>SHA-1：{sha1}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Safety (安全)</source>
      <translation>安全</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Same answer throughout: from this many answers</source>
      <translation>所有答案相同：作答题数不少于</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>Same answer to every question</source>
      <translation>所有题目答案相同</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Sample / population</source>
      <translation>样本/总体</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Sample balance</source>
      <translation>样本均衡性</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Sample share (%)</source>
      <translation>样本占比（%）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis_inputs.py" />
      <source>Sample survey</source>
      <translation>抽样调查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>Sample values</source>
      <translation>示例值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Satisfaction against objective indicators</source>
      <translation>满意度与客观指标对比</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Satisfaction by dimension</source>
      <translation>分维度满意度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Satisfaction by district</source>
      <translation>分区满意度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>Satisfaction by district (table: XZQDM, value)</source>
      <translation>分区满意度（表：XZQDM、value）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Satisfaction by district {year}</source>
      <translation>{year}年各区满意度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Satisfaction by question</source>
      <translation>分题目满意度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Satisfaction by {attribute}</source>
      <translation>按{attribute}分组的满意度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/pipeline_step.py" />
      <source>Satisfaction is not compared with the indicators: {reason}.</source>
      <translation>未将满意度与客观指标对比：{reason}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Satisfaction report (docx)</source>
      <translation>满意度评价报告（docx）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Satisfaction report written to {path}.</source>
      <translation>满意度评价报告已写入 {path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Satisfaction score</source>
      <translation>满意度得分</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Satisfaction survey</source>
      <translation>满意度调查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Satisfaction tables (xlsx)</source>
      <translation>满意度分析表（xlsx）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Satisfaction tables written to {path}.</source>
      <translation>满意度分析表已写入 {path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Satisfaction z</source>
      <translation>满意度标准分</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Satisfied (%)</source>
      <translation>满意率（%）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Save mapping</source>
      <translation>保存字段对应</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Save mapping…</source>
      <translation>保存字段对应…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Save template</source>
      <translation>保存模板</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Save the edited layout of the selected map as your template: the map set uses it from now on.</source>
      <translation>将所选图件编辑后的布局保存为您的模板：此后图集将使用该模板。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Save the form (one transaction)</source>
      <translation>保存表单（一次事务）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Save the review mark and note in the assessment database.</source>
      <translation>将核查标记和备注保存到体检评估数据库。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Save the violations shown (with their review marks) as an Excel workbook.</source>
      <translation>将当前显示的违规图斑（含核查标记）保存为 Excel 工作簿。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Save them?</source>
      <translation>是否保存？</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Save {n}</source>
      <translation>第 {n} 次保存</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Saved as: {user} · cross-check tolerance {tolerance} %</source>
      <translation>保存人：{user} · 相互校核容差 {tolerance} %</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Saved the form of {code} ({year}).</source>
      <translation>已保存 {code}（{year} 年）的表单。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>Save…</source>
      <translation>保存…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>Schema</source>
      <translation>模式（schema）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Schools and education</source>
      <translation>教育资源</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Scope must be one of {values}, not '{value}'.</source>
      <translation>统计范围必须是 {values} 之一，而不是“{value}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Score (0–100)</source>
      <translation>得分（0–100）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Scores</source>
      <translation>得分</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/scores.py" />
      <source>Scores by '{attribute}' need a column mapped to that attribute.</source>
      <translation>按“{attribute}”计算得分需要对应该属性的列。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/scores.py" />
      <source>Scores were not computed by '{attribute}'.</source>
      <translation>尚未按“{attribute}”计算得分。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Screen, weight and score the questionnaires in the background.</source>
      <translation>在后台筛查、加权并计算问卷满意度得分。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Screening</source>
      <translation>筛查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>Screening needs the attribute '{name}', but no column is mapped to it.</source>
      <translation>筛查需要属性“{name}”，但没有与之对应的列。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/analysis.py" />
      <source>Screening questionnaires</source>
      <translation>正在筛查问卷</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Search code or name</source>
      <translation>搜索编号或名称</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Seconds</source>
      <translation>耗时（秒）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/plugin.py" />
      <source>See menu “{menu}” for how to install them.</source>
      <translation>安装方法见菜单“{menu}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Select a map in the list first.</source>
      <translation>请先在列表中选择一幅图件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Select a result to see its values per unit.</source>
      <translation>选择一条结果以查看各单元数值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Select all available</source>
      <translation>全选可出图件</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Select none</source>
      <translation>全不选</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/service_area.py" />
      <source>Service area</source>
      <translation>服务范围</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/service_area.py" />
      <source>Service area (m²)</source>
      <translation>服务范围面积（平方米）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/service_area.py" />
      <source>Service area along the road network</source>
      <translation>沿路网的服务范围</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/service_area.py" />
      <source>Service-area polygon</source>
      <translation>服务范围多边形</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/findings_model.py" />
      <source>Set encoding…</source>
      <translation>设置编码…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Set the layer's CRS (Layer Properties &gt; Source &gt; Assigned CRS, or add the .prj file of a shapefile); CityHealth cannot measure areas or distances without it.</source>
      <translation>请设置图层的坐标参考系（图层属性 &gt; 源 &gt; 指定坐标参考系，或为 shapefile 补充 .prj 文件）；没有坐标系，CityHealth 无法量算面积和距离。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Set the layer's data source encoding to the right one (usually GBK or UTF-8; Layer Properties &gt; Source), or add a .cpg file naming it next to the .shp.</source>
      <translation>请将图层的数据源编码设为正确的编码（通常为 GBK 或 UTF-8；图层属性 &gt; 源），或在 .shp 旁添加注明编码的 .cpg 文件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/findings_xlsx.py" />
      <source>Severity</source>
      <translation>级别</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>Share</source>
      <translation>比例</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Share of open answers (%)</source>
      <translation>占开放题作答人数比例（%）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>Share of road length in the largest component (%)</source>
      <translation>最大连通分量的道路长度占比（%）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Share satisfied by district</source>
      <translation>分区满意率</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Sharing (共享)</source>
      <translation>共享</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Sheet</source>
      <translation>工作表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>Sheet protection password (optional)</source>
      <translation>工作表保护密码（可选）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Shortcomings and causes (短板及成因)</source>
      <translation>短板及成因</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Shortest acceptable answer time</source>
      <translation>最短有效答题时长</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Shortest acceptable answer time (seconds)</source>
      <translation>最短有效答题时长（秒）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/service_area.py" />
      <source>Shortest paths from {n} facilities</source>
      <translation>计算 {n} 个设施的最短路径</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>Sites proposed</source>
      <translation>建议选址数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/siting.py" />
      <source>Siting for '{type}' needs a coverage run of that type with demand points (population).</source>
      <translation>“{type}”的选址建议需要先对该设施类型进行包含需求点（人口）的覆盖率计算。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/siting.py" />
      <source>Siting needs demand with a positive weight (population).</source>
      <translation>选址建议需要权重（人口）大于 0 的需求点。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Situation (基本情况)</source>
      <translation>基本情况</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Smallest weight</source>
      <translation>最小权重</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Smart city</source>
      <translation>智慧城市</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>Snapping tolerance</source>
      <translation>捕捉容差</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Source type must be one of {values}, not '{value}'.</source>
      <translation>数据来源类型必须是 {values} 之一，而不是“{value}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Spatial (computed)</source>
      <translation>空间计算指标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis_inputs.py" />
      <source>Spatial computation</source>
      <translation>空间计算</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis_inputs.py" />
      <source>Spatial computation ({layers})</source>
      <translation>空间计算（{layers}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/schema.py" />
      <source>Spatial data</source>
      <translation>空间数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Spatial indicators whose layers are assigned in the Data panel.</source>
      <translation>在“数据”面板中已指定所需图层的空间指标。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Special report (docx)</source>
      <translation>专项报告（docx）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Special report topic</source>
      <translation>专项报告主题</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Special-report topic id (default: life_circle)</source>
      <translation>专项报告主题编号（默认：life_circle）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Speed km/h</source>
      <translation>速度（km/h）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Sports facilities (体育设施)</source>
      <translation>体育设施</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Sports facility</source>
      <translation>体育设施</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/trend.py" />
      <source>Stable</source>
      <translation>稳定</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/role_table.py" />
      <source>Standard layer name: {name}</source>
      <translation>标准图层名：{name}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/basic_database.py" />
      <source>Started from a copy of the assessment database {name}.</source>
      <translation>以体检评估数据库 {name} 的副本为基础。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Statistic</source>
      <translation>统计</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/loader.py" />
      <source>Statistic without a code.</source>
      <translation>统计项缺少编码。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/statistics.py" />
      <source>Statistic {code} ({name}) for {year}: no statistics table (DEPT_STATS) in the assessment data.</source>
      <translation>统计项 {code}（{name}）{year} 年：评估数据中没有统计表（DEPT_STATS）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/statistics.py" />
      <source>Statistic {code} ({name}) has no city-wide value for {year}.</source>
      <translation>统计项 {code}（{name}）没有 {year} 年的全市数值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/statistics.py" />
      <source>Statistic {code} ({name}) has no value for {year} (years present: {years}).</source>
      <translation>统计项 {code}（{name}）没有 {year} 年的数值（已有年份：{years}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/statistics.py" />
      <source>Statistic {code} ({name}) is not in the statistics table.</source>
      <translation>统计表中没有统计项 {code}（{name}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/statistics.py" />
      <source>Statistic {code} is given in '{unit}', which does not convert into '{expected}'.</source>
      <translation>统计项 {code} 的单位为“{unit}”，无法换算为“{expected}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/statistics.py" />
      <source>Statistic {code}: no city row; the city value is the sum of the districts.</source>
      <translation>统计项 {code}：没有全市数值；全市值取各区之和。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/statistics.py" />
      <source>Statistic {code}: unit '{unit}' not understood; taken as {default}.</source>
      <translation>统计项 {code}：无法识别单位“{unit}”；按 {default} 处理。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Statistics table (code, year, unit_code, value; e.g. DEPT_STATS)</source>
      <translation>统计表（code、year、unit_code、value；如 DEPT_STATS）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Statistics used</source>
      <translation>使用的统计数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Statistics, surveys, big data</source>
      <translation>统计、调查、大数据指标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Statistics: none found (a DEPT_STATS table in the data package).</source>
      <translation>统计数据：未找到（数据包中的 DEPT_STATS 表）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Statistics: {source}</source>
      <translation>统计数据：{source}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/status_rules.py" />
      <source>Status rule '{key}' must be a group of settings.</source>
      <translation>评价规则“{key}”应为一组设置。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/status_rules.py" />
      <source>Status rule '{key}' must be a number, not '{value}'.</source>
      <translation>评价规则“{key}”应为数值，而不是“{value}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Status rules (JSON)</source>
      <translation>评价规则（JSON）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/status_rules.py" />
      <source>Status rules: need 0 &lt;= nearly_met_gap &lt;= warning_gap.</source>
      <translation>评价规则：需满足 0 &lt;= nearly_met_gap &lt;= warning_gap。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/status_rules.py" />
      <source>Status rules: need on_schedule_lag_points &lt;= warning_lag_points &lt;= not_met_lag_points.</source>
      <translation>评价规则：需满足 on_schedule_lag_points &lt;= warning_lag_points &lt;= not_met_lag_points。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/status_rules.py" />
      <source>Status rules: unknown task statuses {names}.</source>
      <translation>评价规则：未知的任务状态 {names}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>Stop at this coverage rate (%; 0 = no target)</source>
      <translation>达到此覆盖率时停止（%；0 = 无目标）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Store {field} as a 4-character text field and pad the codes with zeros (e.g. lpad("{field}", 4, '0') in the field calculator).</source>
      <translation>请将 {field} 存为 4 位文本型字段，并将编码左补零（例如在字段计算器中使用 lpad("{field}", 4, '0')）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Store {field} as a decimal number field and correct the values; those features count as missing.</source>
      <translation>请将 {field} 存为小数型字段并更正取值；这些要素按缺失处理。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Store {field} as a text field.</source>
      <translation>请将 {field} 存为文本型字段。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Sub-district</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Sub-district code</source>
      <translation>街道（乡镇）代码</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Sub-district name</source>
      <translation>街道（乡镇）名称</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Sub-districts</source>
      <translation>街道</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Sub-districts (街道)</source>
      <translation>街道（乡镇）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Subjective vs objective</source>
      <translation>主客观对比</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/schema.py" />
      <source>Submitted</source>
      <translation>已提交</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Submitted at</source>
      <translation>提交时间</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Submitted by</source>
      <translation>填报人</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Suggest from headers</source>
      <translation>按表头自动识别</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>Suggest new facility sites</source>
      <translation>新增设施选址建议</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Summary</source>
      <translation>汇总</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Survey</source>
      <translation>调查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/analysis.py" />
      <source>Survey analysis finished</source>
      <translation>满意度调查分析完成</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/gpkg.py" />
      <source>Table '{layer}' already exists in {path}: allow overwriting or choose another name.</source>
      <translation>表“{layer}”已存在于 {path}：请允许覆盖或换一个名称。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/results.py" />
      <source>Table in the assessment database lacks columns {columns}; it was not written by this plugin version.</source>
      <translation>评估数据库中的表缺少列 {columns}；它不是由本版本插件写入的。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package.py" />
      <source>Table {table} could not be opened as a layer; it is skipped.</source>
      <translation>表 {table} 无法作为图层打开，已跳过。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Tables (*.csv *.xlsx)</source>
      <translation>表格（*.csv *.xlsx）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/base.py" />
      <source>Target</source>
      <translation>目标值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Target '{text}' is not a number, a range 'a~b', '≥a' or '≤b'.</source>
      <translation>目标值“{text}”不是数字、区间“a~b”、“≥a”或“≤b”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/result_tables.py" />
      <source>Target status</source>
      <translation>目标状态</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>Target value</source>
      <translation>目标值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Target year must be a year such as 2035.</source>
      <translation>目标年份必须是年份，例如 2035。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Targets</source>
      <translation>目标值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Targets file (CSV or Excel)</source>
      <translation>目标值文件（CSV 或 Excel）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis_inputs.py" />
      <source>Targets file not found: {path}</source>
      <translation>找不到目标值文件：{path}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis_inputs.py" />
      <source>Targets file {path} is neither UTF-8 nor GBK text.</source>
      <translation>目标值文件 {path} 既不是 UTF-8 也不是 GBK 编码的文本。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Targets table (CSV / xlsx)</source>
      <translation>目标值表（CSV / xlsx）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>Targets table (code, target_2025, target_2035, lower, upper, limit, limit_type)</source>
      <translation>目标值表（code、target_2025、target_2035、lower、upper、limit、limit_type）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>Task assignment and source</source>
      <translation>任务分解与数据来源</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>Task decomposition table</source>
      <translation>任务分解表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Task name</source>
      <translation>任务名称</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>Task type</source>
      <translation>任务类型</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Template saved to {path}; the map set uses it for this map.</source>
      <translation>模板已保存到 {path}；图集将对该图件使用此模板。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Template saved: {path}</source>
      <translation>模板已保存：{path}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Text in a number cell</source>
      <translation>数值单元格中有文字</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_read.py" />
      <source>The CSV file is neither UTF-8 nor GBK text; save it from Excel as 'CSV UTF-8'.</source>
      <translation>CSV 文件既不是 UTF-8 也不是 GBK 文本：请在 Excel 中另存为“CSV UTF-8”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>The CSV file was read as GBK (Chinese Windows) text.</source>
      <translation>CSV 文件按 GBK（中文 Windows）编码读取。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>The PDF writer could not start for {path}.</source>
      <translation>无法为 {path} 启动 PDF 写出。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/postgres_backend.py" />
      <source>The PostgreSQL database has no CityHealth schema '{schema}'.</source>
      <translation>PostgreSQL 数据库中没有 CityHealth 模式“{schema}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/tasks.py" />
      <source>The Processing algorithm '{id}' is not available. Check that its plugin is enabled.</source>
      <translation>处理算法“{id}”不可用。请检查提供它的插件是否已启用。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>The alternatives of 'first_of' have different dimensions.</source>
      <translation>“first_of”的备选项量纲不一致。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/service_area.py" />
      <source>The area reached from a set of facilities within a walking distance or a driving time along the road network. Facilities are placed on their nearest road (the straight access leg counts in the distance); polygon facilities such as parks are reached anywhere on their boundary. Walking uses the walkable roads (road class DJ, field BX), driving the drivable ones at their speeds (SD or the class speed) and respects one-way streets (DX). Partly reached roads are cut exactly where the threshold ends. The polygon is the reached road pieces buffered by the half-width and merged; the reached road pieces are a second output. Minutes become metres at the walking speed when walking.</source>
      <translation>一组设施沿路网在步行距离或车行时间内可到达的范围。设施连接到最近的道路（直线接入段计入距离）；公园等面状设施可从其边界任意位置到达。步行使用可步行道路（道路等级 DJ、字段 BX），车行使用可通车道路及其车速（SD 或按道路等级），并遵守单行线（DX）。部分可达的道路在阈值终点处精确截断。多边形为可达道路段按半宽缓冲后合并的结果；可达道路段作为第二个输出。步行时分钟按步行速度换算为米。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The assessment database cannot be opened</source>
      <translation>无法打开体检评估数据库</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The assessment database cannot be read</source>
      <translation>无法读取评估数据库</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/postgres_backend.py" />
      <source>The assessment database could not be read: {error}</source>
      <translation>无法读取评估数据库：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/department_workbook.py" />
      <source>The assessment database has no forms for {year}: prepare the year first.</source>
      <translation>评估数据库中没有 {year} 年的填报表：请先准备该年度。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>The assessment database has no values for {year} (it has {years}).</source>
      <translation>体检评估数据库中没有 {year} 年的数值（现有年份：{years}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/database.py" />
      <source>The assessment database must be a GeoPackage (.gpkg) or a PostgreSQL connection; got {target}.</source>
      <translation>评估数据库必须是 GeoPackage（.gpkg）或 PostgreSQL 连接；当前为 {target}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>The assessment database {path} cannot be read: {error}</source>
      <translation>无法读取评估数据库 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>The assessment database {path} does not exist.</source>
      <translation>评估数据库 {path} 不存在。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>The assessment database {path} does not exist: compute the indicators first.</source>
      <translation>体检评估数据库 {path} 不存在：请先计算指标。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>The assessment database {path} does not exist; leave it empty to run the assessment.</source>
      <translation>体检评估数据库 {path} 不存在；留空则运行体检评估。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>The assessment database {path} has no indicator values.</source>
      <translation>体检评估数据库 {path} 中没有指标值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/sqlite_backend.py" />
      <source>The assessment database {path} is busy or read-only ({error}); try again later.</source>
      <translation>评估数据库 {path} 正忙或为只读（{error}）：请稍后再试。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>The assessment of {data} failed (see the log above); no package was made.</source>
      <translation>{data} 的体检评估失败（见上方日志），未生成成果包。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The audit trail cannot be read</source>
      <translation>无法读取审计记录</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>The check failed: {message}</source>
      <translation>检查失败：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>The check was cancelled.</source>
      <translation>检查已取消。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>The checks failed: {message}</source>
      <translation>检查失败：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>The checks were cancelled.</source>
      <translation>检查已取消。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The city catalog file has problems</source>
      <translation>本市指标目录文件有问题</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/gap.py" />
      <source>The comparison needs at least {count} districts with both satisfaction scores and objective values; found {found}.</source>
      <translation>主客观对比至少需要 {count} 个同时具有满意度得分和客观指标值的区；当前只有 {found} 个。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/targets.py" />
      <source>The completion rate of task {task} must be between 0 and 1 (got {value}).</source>
      <translation>任务 {task} 的完成率应在 0 到 1 之间（当前为 {value}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>The compliance check was cancelled.</source>
      <translation>底线管控检查已取消。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>The compliance checks could not start</source>
      <translation>底线管控检查无法启动</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>The compliance results cannot be read</source>
      <translation>无法读取底线管控检查结果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>The compliance results cannot be written to {path}: {error}</source>
      <translation>底线管控检查结果无法写入 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>The computation could not start</source>
      <translation>无法开始计算</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/values.py" />
      <source>The computation yields {found}, which does not convert into '{unit}' ({expected}).</source>
      <translation>计算结果的量纲为 {found}，无法换算为“{unit}”（{expected}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/finding_actions.py" />
      <source>The corrected layer {path} could not be opened.</source>
      <translation>无法打开修正后的图层 {path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>The coverage table cannot be written to the chosen output.</source>
      <translation>无法将覆盖率表写入所选输出。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The cross-check cannot be read</source>
      <translation>无法读取相互校核结果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/base.py" />
      <source>The data changed meanwhile; reload.</source>
      <translation>数据已被修改，请重新加载。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>The data check could not start</source>
      <translation>数据检查无法启动</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_sources.py" />
      <source>The data package could not be opened</source>
      <translation>无法打开数据包</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>The data package has no land-use survey layer (DLTB); it is needed for the assessment.</source>
      <translation>数据包中没有地类图斑图层（DLTB），体检评估需要该图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package_export.py" />
      <source>The data package {path} has no standard layers to draw.</source>
      <translation>数据包 {path} 中没有可绘制的标准图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package.py" />
      <source>The database '{source}' holds no table with geometries that this user may read.</source>
      <translation>数据库“{source}”中没有当前用户有权读取的空间数据表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/postgres_backend.py" />
      <source>The database refused the save: {error}</source>
      <translation>数据库拒绝了保存：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_sources.py" />
      <source>The demo city could not be generated</source>
      <translation>无法生成示例城市</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/demo/boundaries.py" />
      <source>The demo district boundaries are missing: {path}. Reinstall the plugin.</source>
      <translation>缺少示例城市的行政区边界文件：{path}。请重新安装插件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>The demo population shares are used (illustrative figures, not statistics).</source>
      <translation>使用示例人口构成（仅供演示，并非统计数据）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>The department's figure differs by {pct} % (within {tolerance} %).</source>
      <translation>部门数值相差 {pct} %（在 {tolerance} % 以内）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>The department's figure differs by {pct} % — more than the {tolerance} % tolerance: check both sources (多源校核).</source>
      <translation>部门数值相差 {pct} %，超过 {tolerance} % 的容差：请核对两个来源（多源校核）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>The diagnosis cannot be written to the chosen output.</source>
      <translation>诊断结果无法写入所选输出。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>The diagnosis failed; the reports need it. See the log.</source>
      <translation>指标诊断失败，报告需要诊断结果。请查看日志。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/derived.py" />
      <source>The district layer '{layer}' has no district code field (XZQDM).</source>
      <translation>区划图层“{layer}”没有行政区代码字段（XZQDM）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>The district layer '{layer}' has no field with district names; choose the district name field in Options.</source>
      <translation>区界图层“{layer}”中没有区名字段；请在“选项”中选择区名字段。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>The district layer '{layer}' has no field with district names; choose the district name field.</source>
      <translation>区界图层“{layer}”中没有区名字段；请选择区名字段。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/values.py" />
      <source>The district value table '{name}' has no column {fields}.</source>
      <translation>分区数值表“{name}”缺少列 {fields}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/values.py" />
      <source>The district values of '{name}' contain no number.</source>
      <translation>“{name}”的分区数值中没有任何数字。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The export could not start</source>
      <translation>无法开始导出</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>The facility layers have no features.</source>
      <translation>设施图层没有要素。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>The file is not found at this path.</source>
      <translation>该路径下找不到文件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/finding_actions.py" />
      <source>The findings could not be exported</source>
      <translation>无法导出检查结果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/finding_actions.py" />
      <source>The fix failed</source>
      <translation>修正失败</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package.py" />
      <source>The folder '{path}' holds no .shp, .gpkg or .geojson file.</source>
      <translation>文件夹“{path}”中没有 .shp、.gpkg 或 .geojson 文件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The form cannot be read</source>
      <translation>无法读取表单</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The form of {code} ({year}) has unsaved edits.</source>
      <translation>{code}（{year} 年）的表单有未保存的修改。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The form of {code} has unsaved edits; they are not in the workbooks.</source>
      <translation>{code} 的表单有未保存的修改，填报表中不包含这些修改。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>The form was changed meanwhile</source>
      <translation>表单已被他人修改</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The form was not saved</source>
      <translation>表单未保存</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The forms could not be opened</source>
      <translation>无法打开表单</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/outputs.py" />
      <source>The gap map needs residential land in the coverage run.</source>
      <translation>生成覆盖盲区图需要在覆盖率计算中提供居住用地。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/loader.py" />
      <source>The header has no 'code' column.</source>
      <translation>表头中没有“code”列。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>The header row has no column '{text}'.</source>
      <translation>表头行中没有“{text}”列。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>The headline reading ({basis} basis, {method}) cannot be computed with these parameters.</source>
      <translation>按这些参数无法计算指标值口径（按{basis}、{method}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>The hidden metadata sheet is missing: use the workbook exported for your department (or send the data sheet as CSV).</source>
      <translation>缺少隐藏的元数据工作表：请使用为本部门导出的填报表（或以 CSV 报送数据表）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The import changes the forms; the form is reloaded afterwards.</source>
      <translation>导入将修改表单，完成后重新加载表单。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The import could not start</source>
      <translation>无法开始导入</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The import report cannot be read</source>
      <translation>无法读取导入报告</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>The indicator catalog has {n} problem(s):</source>
      <translation>指标目录有 {n} 个问题：</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>The indicator table cannot be written to the chosen output.</source>
      <translation>指标表无法写入所选输出。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>The indicator table has no 'code' column.</source>
      <translation>指标表缺少“code”（指标编号）列。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>The indicator table is empty.</source>
      <translation>指标表为空。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>The key-task table has no task name column (name / 任务名称).</source>
      <translation>重点任务表缺少任务名称列（name / 任务名称）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/map_layers.py" />
      <source>The layer '{layer}' cannot be opened again from {source}.</source>
      <translation>无法从 {source} 重新打开图层“{layer}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>The layer given for '{role}' cannot be read.</source>
      <translation>为“{role}”指定的图层无法读取。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/indicator_inputs.py" />
      <source>The layer given for {name} cannot be read.</source>
      <translation>为 {name} 指定的图层无法读取。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/geodesy.py" />
      <source>The layer has no CRS; assign CGCS2000 (EPSG:4490) or a Gauss-Krüger CRS.</source>
      <translation>图层没有坐标参考系；请指定 CGCS2000（EPSG:4490）或高斯-克吕格投影坐标系。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>The layout '{layout}' was not made by the map set; open a map from the Map set panel first.</source>
      <translation>布局“{layout}”不是由图集生成的；请先从“图集”面板打开一幅图件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>The layout could not be made</source>
      <translation>无法生成布局</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>The layout template {path} cannot be read.</source>
      <translation>无法读取布局模板 {path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>The layout template {path} cannot be written. Choose another folder.</source>
      <translation>无法写入布局模板 {path}。请选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>The layout template {path} could not be loaded.</source>
      <translation>无法加载布局模板 {path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>The layout template {path} has no map item with the id '{id}'.</source>
      <translation>布局模板 {path} 中没有标识为“{id}”的地图项。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>The layout template {path} is not valid XML.</source>
      <translation>布局模板 {path} 不是有效的 XML。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>The legend of '{map}' is larger than its box ({w:.0f} × {h:.0f} mm).</source>
      <translation>“{map}”的图例超出了图例框（{w:.0f} × {h:.0f} 毫米）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/outputs.py" />
      <source>The life-circle check needs demand points (population) in the coverage run.</source>
      <translation>生活圈完整性检查需要在覆盖率计算中提供需求点（人口）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>The locked column {column} was edited ('{old}' → '{new}'); restore it.</source>
      <translation>锁定列 {column} 被修改（“{old}” → “{new}”）：请恢复原值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>The locked indicator code was changed from {old} to {new}.</source>
      <translation>锁定的指标编号由 {old} 改成了 {new}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>The map CRS must be projected (in metres), e.g. EPSG:4548, not {crs}.</source>
      <translation>地图坐标系必须是以米为单位的投影坐标系（如 EPSG:4548），而不是 {crs}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/district_map.py" />
      <source>The map image cannot be written to {path}.</source>
      <translation>无法将地图图片写入 {path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>The map list could not be built</source>
      <translation>无法生成图件列表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>The map set catalogue lists no maps.</source>
      <translation>图集目录中没有任何图件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>The map set catalogue must be a JSON object.</source>
      <translation>图集目录必须是一个 JSON 对象。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>The map set catalogue {path} cannot be read: {error}</source>
      <translation>无法读取图集目录 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>The map set catalogue {path} has problems:</source>
      <translation>图集目录 {path} 存在以下问题：</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>The map set export could not start</source>
      <translation>图集导出无法启动</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>The map set export was cancelled.</source>
      <translation>图集导出已取消。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>The map set failed on page {page}: {error}</source>
      <translation>图集在第 {page} 页出错：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>The mapping file {path} cannot be read: {error}</source>
      <translation>无法读取字段对应文件 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>The mapping names the column '{column}', but the file has no such column. Choose the right column in the mapping.</source>
      <translation>字段对应关系中的列“{column}”在文件中不存在。请在字段对应关系中选择正确的列。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>The mapping {path} cannot be read: {error}</source>
      <translation>无法读取字段对应文件 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>The metadata sheet is not a CityHealth department workbook's.</source>
      <translation>元数据工作表不属于 CityHealth 部门填报表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>The metadata was edited (checksum mismatch); export the department workbook again.</source>
      <translation>元数据已被修改（校验和不符）：请重新导出部门填报表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>The method yields {found} but the unit '{unit}' is {expected}.</source>
      <translation>该方法得到的量纲为 {found}，但单位“{unit}”的量纲为 {expected}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>The output folder {path} cannot be created: {error}</source>
      <translation>无法创建输出文件夹 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>The output {name} cannot be written.</source>
      <translation>无法写出输出 {name}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>The package was cancelled.</source>
      <translation>成果包生成已取消。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>The pages of the map set could not be prepared.</source>
      <translation>无法准备图集页面。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The panel is being closed.</source>
      <translation>面板即将关闭。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The panel switches to the project's assessment database.</source>
      <translation>面板将切换到本工程的体检评估数据库。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The panel was closed with unsaved edits of {code} ({year}):
{text}</source>
      <translation>面板关闭时 {code}（{year} 年）有未保存的修改：
{text}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>The permanent basic farmland layer has no DLBM field: all of its polygons are used.</source>
      <translation>永久基本农田图层无 DLBM 字段，已使用其全部图斑。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/derived.py" />
      <source>The population layer '{layer}' has no residents field (RKS).</source>
      <translation>人口图层“{layer}”没有常住人口字段（RKS）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/derived.py" />
      <source>The population layer '{layer}' is made of points: the density map needs the district layer to count residents per district.</source>
      <translation>人口图层“{layer}”为点图层：人口密度图需要行政区图层，以按区统计常住人口。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/map_layers.py" />
      <source>The population layer is made of points: the density map also needs the district layer.</source>
      <translation>人口图层为点图层：人口密度图还需要行政区图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>The population shares of '{attribute}' add up to zero.</source>
      <translation>“{attribute}”的总体构成比例之和为零。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>The population table needs the columns attribute, category and share (属性, 类别, 比例); '{missing}' is missing.</source>
      <translation>总体构成表需要 attribute、category、share（属性、类别、比例）三列；缺少“{missing}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The project was closed: this form still belongs to the previous project's database. Save or revert it, then Reload.</source>
      <translation>工程已关闭：此表单仍属于上一个工程的数据库。请保存或还原后再重新加载。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The project was closed; the form stays open on its database until you save or discard it.</source>
      <translation>工程已关闭；在您保存或放弃修改之前，表单仍连接其原数据库。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>The project's assessment GeoPackage</source>
      <translation>本工程的体检评估 GeoPackage</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/importer.py" />
      <source>The questionnaire file '{path}' does not exist.</source>
      <translation>问卷文件“{path}”不存在。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/outline.py" />
      <source>The report outline {path} has no 'aspects' list.</source>
      <translation>报告大纲 {path} 缺少“aspects”列表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/outline.py" />
      <source>The report outline {path} has problems:
{problems}</source>
      <translation>报告大纲 {path} 有以下问题：
{problems}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/outline.py" />
      <source>The report outline {path} is not valid JSON: {error}</source>
      <translation>报告大纲 {path} 不是有效的 JSON：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/map_layers.py" />
      <source>The result layer '{layer}' has no features.</source>
      <translation>成果图层“{layer}”没有要素。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/map_layers.py" />
      <source>The result layer '{layer}' has no field {fields}.</source>
      <translation>成果图层“{layer}”缺少字段 {fields}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/map_layers.py" />
      <source>The result layer '{layer}' must be a {geometry} layer.</source>
      <translation>成果图层“{layer}”必须是 {geometry} 图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>The results cannot be written to {path}: {error}</source>
      <translation>结果无法写入 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>The review could not be saved</source>
      <translation>核查标记无法保存</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/reviews.py" />
      <source>The review marks cannot be read from {path}: {error}</source>
      <translation>无法从 {path} 读取核查标记：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/reviews.py" />
      <source>The review marks cannot be saved in {path}: {error}</source>
      <translation>核查标记无法保存到 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/base.py" />
      <source>The same row appears twice in one save: {key}.</source>
      <translation>同一行在一次保存中出现两次：{key}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>The sample is balanced on every attribute.</source>
      <translation>样本在各项属性上结构均衡。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The save was not undone</source>
      <translation>未能撤销保存</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/indicator_inputs.py" />
      <source>The statistics table '{table}' lacks column(s) {columns}; it needs code, year, unit_code, value (like the DEPT_STATS table of the data package).</source>
      <translation>统计表“{table}”缺少字段 {columns}；需要 code、year、unit_code、value 字段（同数据包中的 DEPT_STATS 表）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/statistics.py" />
      <source>The statistics table lacks column(s) {columns} (needs code, year, unit_code, value).</source>
      <translation>统计表缺少列 {columns}（需要 code、year、unit_code、value）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>The statistics table {table} could not be read: {error}</source>
      <translation>无法读取统计表 {table}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>The straight-line reading of land covered by every type at once is not computed (population basis only).</source>
      <translation>各类设施同时覆盖的用地不计算直线半径口径（仅按人口计算）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/styles.py" />
      <source>The style {path} could not be loaded: {message}</source>
      <translation>无法加载样式 {path}：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>The summary cannot be written to the chosen output.</source>
      <translation>无法将汇总写入所选输出。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>The survey mapping file is not valid JSON: {error}</source>
      <translation>问卷字段对应文件不是有效的 JSON：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>The survey outputs cannot be written to {path}: {error}</source>
      <translation>无法将满意度调查成果写入 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/landuse_area.py" />
      <source>The table cannot be written to the chosen output.</source>
      <translation>表无法写入所选输出。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>The tables cannot be written: {error}</source>
      <translation>表格无法写出：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis_inputs.py" />
      <source>The targets table has no 'code' column (indicator code such as A-11).</source>
      <translation>目标值表没有“code”列（指标编号，如 A-11）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/targets.py" />
      <source>The targets table has no 'code' column.</source>
      <translation>目标值表没有“code”列。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>The template could not be saved</source>
      <translation>无法保存模板</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>The threshold must be positive.</source>
      <translation>阈值必须为正数。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>The unit was changed to '{found}'; the indicator is measured in {unit}: restore the unit and enter the value in {unit}.</source>
      <translation>计量单位被改成了“{found}”；该指标的单位是 {unit}：请恢复单位，并按 {unit} 填写数值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/validate_data_package.py" />
      <source>The validation report cannot be written to the chosen output.</source>
      <translation>无法将数据检查报告写入所选输出。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>The value column is for {found}, but the import is for {year}.</source>
      <translation>数值列是 {found} 年的，但本次导入的是 {year} 年。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/engine.py" />
      <source>The value is undefined (a denominator is 0 or an input is empty).</source>
      <translation>数值无定义（分母为 0 或输入为空）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>The values have no city-wide rows (unit_code 'city'); choose one of {units}.</source>
      <translation>指标值中没有全市数据（unit_code 为“city”），请从 {units} 中选择一个单元。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>The values table lacks column(s) {columns} (needs code, year, unit_code, value).</source>
      <translation>指标值表缺少列 {columns}（需要 code、year、unit_code、value）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>The violations cannot be written to the chosen output.</source>
      <translation>违规图斑无法写入所选输出。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>The violations could not be exported</source>
      <translation>违规图斑无法导出</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The workbook could not be checked</source>
      <translation>填报表未能检查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The workbook was not imported</source>
      <translation>填报表未导入</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>The workbook was not imported (nothing was written): {n} errors. Correct them and import again:
{problems}</source>
      <translation>填报表未导入（未写入任何内容）：共 {n} 个错误。请改正后重新导入：
{problems}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>The workbooks were not written</source>
      <translation>填报表未能写出</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/validate_data_package.py" />
      <source>The working CRS must be a projected CRS in metres (e.g. EPSG:4548), not {crs}.</source>
      <translation>工作坐标系必须是以米为单位的投影坐标系（如 EPSG:4548），而不是 {crs}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>The working CRS needs an EPSG code (e.g. EPSG:4548).</source>
      <translation>工作坐标系需要有 EPSG 代码（如 EPSG:4548）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>The working CRS {crs} is not valid.</source>
      <translation>工作坐标系 {crs} 无效。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>The zones cannot be written to the chosen output.</source>
      <translation>分区无法写入所选输出。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>The zones have no field '{field}'.</source>
      <translation>分区图层没有字段“{field}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/scores.py" />
      <source>There are no valid questionnaires to score.</source>
      <translation>没有可计算得分的有效问卷。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>There are no valid questionnaires to weight.</source>
      <translation>没有可加权的有效问卷。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>There is no PostgreSQL connection named '{name}' in QGIS.</source>
      <translation>QGIS 中没有名为“{name}”的 PostgreSQL 连接。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>There is no assessment database yet: save the project, or choose one in the panel's settings (…).</source>
      <translation>尚无体检评估数据库：请保存工程，或在面板设置（…）中选择。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/thresholds.py" />
      <source>There is no {minutes}-minute life circle in GB 50180: use 5, 10 or 15, or give the distance in metres.</source>
      <translation>GB 50180 中没有 {minutes} 分钟生活圈：请使用 5、10 或 15，或直接给出以米为单位的距离。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>They are left out of every measure. Delete them or draw their geometry.</source>
      <translation>这些要素不参与任何量算。请删除它们或补绘其几何。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/package.py" />
      <source>This QGIS has no PostgreSQL provider.</source>
      <translation>当前 QGIS 没有 PostgreSQL 数据提供程序。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>This file is not a CityHealth survey mapping (format '{found}').</source>
      <translation>该文件不是 CityHealth 问卷字段对应文件（格式“{found}”）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>This workbook belongs to {found}, not to {department}.</source>
      <translation>本填报表属于 {found}，不属于 {department}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>This workbook was exported for {found}, but the import is for {year}.</source>
      <translation>本填报表是为 {found} 年导出的，但本次导入的是 {year} 年。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>Threshold</source>
      <translation>阈值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>Threshold '{part}' is not 'type=number'.</source>
      <translation>阈值“{part}”不是“类型=数值”的形式。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/facility_catchments.py" />
      <source>Threshold (0 = no limit)</source>
      <translation>阈值（0 = 不限）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Threshold of types without a default</source>
      <translation>无默认值类型的阈值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>Threshold unit</source>
      <translation>阈值单位</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Thresholds for types not given: {types}.</source>
      <translation>以下类型给了阈值但没有设施：{types}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Thresholds per type (type=value; …, in the threshold unit)</source>
      <translation>分类型阈值（类型=数值；…，单位同阈值单位）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Tick at least one indicator to compute.</source>
      <translation>请至少勾选一项要计算的指标。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>Tick at least one map that can be drawn.</source>
      <translation>请至少勾选一幅可以出图的图件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Tier</source>
      <translation>层级</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Tier must be one of {values} or empty, not '{value}'.</source>
      <translation>指标属性必须是 {values} 之一或留空，而不是“{value}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Tier not confirmed (reference guess: {guess}).</source>
      <translation>层级未核实（参考资料推测：{guess}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Tier unknown</source>
      <translation>层级未知</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>Too many questions unanswered</source>
      <translation>未作答题目过多</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>Topology summary</source>
      <translation>拓扑汇总</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Traffic congestion</source>
      <translation>交通拥堵</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>Travel mode</source>
      <translation>出行方式</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>Trend</source>
      <translation>变化趋势</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>Trimming bounds must satisfy 0 ≤ lower ≤ 1 ≤ upper (multiples of the mean weight).</source>
      <translation>权重截断界限须满足 0 ≤ 下限 ≤ 1 ≤ 上限（以平均权重的倍数表示）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Type (公园/广场)</source>
      <translation>类型（公园/广场）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Undid save {n} of {code} ({year}).</source>
      <translation>已撤销 {code}（{year} 年）的第 {n} 次保存。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Undo last save</source>
      <translation>撤销上次保存</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Undo save {n}?</source>
      <translation>撤销第 {n} 次保存？</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Undo the save by {by} at {at} ({fields}) of {code} ({year})? The fields get back the values they had before it.</source>
      <translation>撤销 {by} 于 {at} 对 {code}（{year} 年）的保存（{fields}）？这些字段将恢复为该次保存之前的值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/messages.py" />
      <source>Unexpected error ({kind}).</source>
      <translation>意外错误（{kind}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/engine.py" />
      <source>Unexpected failure ({kind}: {error}); please report it with the provenance.</source>
      <translation>意外错误（{kind}：{error}）；请附上计算溯源信息报告此问题。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Unexpected failure in step '{step}' ({kind}: {message}); please report it.</source>
      <translation>步骤“{step}”发生意外错误（{kind}：{message}），请报告此问题。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Unfilled only</source>
      <translation>仅显示未填报</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/units.py" />
      <source>Unit '{unit}' has more than one '/'.</source>
      <translation>单位“{unit}”含有多个“/”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Unit type must be district and/or subdistrict (or 'none'), not '{value}'.</source>
      <translation>统计单元类型必须是 district 和/或 subdistrict（或“none”），而不是“{value}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/forms.py" />
      <source>Unknown collection method '{method}'.</source>
      <translation>未知的采集方式“{method}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/loader.py" />
      <source>Unknown column (known: {known}).</source>
      <translation>未知列（可用列：{known}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Unknown column header '{text}'; do not add or rename columns.</source>
      <translation>未知列标题“{text}”：请勿增加或重命名列。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Unknown compliance check '{check}'.</source>
      <translation>未知的底线管控检查“{check}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/forms.py" />
      <source>Unknown data source type '{kind}'.</source>
      <translation>未知的数据来源类型“{kind}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/demo/scales.py" />
      <source>Unknown demo scale '{scale}' (use small, city or xiamen).</source>
      <translation>未知的示例数据规模“{scale}”（可选 small、city 或 xiamen）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/department_workbook.py" />
      <source>Unknown department(s): {names}. Known: {known}.</source>
      <translation>未知部门：{names}。已有部门：{known}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>Unknown derived layer '{id}'.</source>
      <translation>未知的派生图层“{id}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/fix_actions.py" />
      <source>Unknown fix '{action}'.</source>
      <translation>未知的修正操作“{action}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/forms.py" />
      <source>Unknown form status '{status}'.</source>
      <translation>未知的填报状态“{status}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Unknown indicator '{code}' in the parameters.</source>
      <translation>参数中引用了未知指标“{code}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Unknown indicator code</source>
      <translation>未知指标编号</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/scores.py" />
      <source>Unknown interval distribution '{name}'; use 't' or 'normal'.</source>
      <translation>未知的区间分布“{name}”；请使用“t”或“normal”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Unknown land-use group '{group}' (known: {known}).</source>
      <translation>未知的用地分组“{group}”（可用分组：{known}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>Unknown land-use group '{group}'.</source>
      <translation>未知的地类分组“{group}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Unknown land-use group '{group}'; known: {known}.</source>
      <translation>未知地类组“{group}”；可用：{known}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/landuse_area.py" />
      <source>Unknown land-use group(s) {groups}; known: {known}.</source>
      <translation>未知地类组 {groups}；可用：{known}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Unknown layer role '{role}'.</source>
      <translation>未知的图层角色“{role}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>Unknown map '{map}' in the map set catalogue.</source>
      <translation>图集目录中没有图件“{map}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>Unknown map '{map}'.</source>
      <translation>未知图件“{map}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>Unknown map(s) {maps}. Known maps: {known}.</source>
      <translation>未知图件 {maps}。已有图件：{known}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/methods.py" />
      <source>Unknown method '{method}' (known: {known}).</source>
      <translation>未知方法“{method}”（可用方法：{known}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/values.py" />
      <source>Unknown origin '{origin}' (computed or reported).</source>
      <translation>未知的来源“{origin}”（应为 computed 或 reported）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/page.py" />
      <source>Unknown paper size '{paper}'; use one of {papers}.</source>
      <translation>未知的纸张尺寸“{paper}”；请使用 {papers} 之一。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>Unknown parameter(s) {keys} (allowed: {allowed}).</source>
      <translation>未知参数 {keys}（可用参数：{allowed}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Unknown respondent attribute '{name}'; use one of: {choices}.</source>
      <translation>未知的受访者属性“{name}”；请使用以下之一：{choices}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/scores.py" />
      <source>Unknown score level '{level}'; use question, dimension or overall.</source>
      <translation>未知的得分层级“{level}”；请使用 question（题目）、dimension（维度）或 overall（总体）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/outline.py" />
      <source>Unknown special topic '{topic}'; the outline has: {topics}.</source>
      <translation>未知的专项主题“{topic}”；报告大纲中有：{topics}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>Unknown statistic '{code}' (define it in statistics.csv or a city statistics file).</source>
      <translation>未知统计项“{code}”（请在 statistics.csv 或城市统计项文件中定义）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/status_rules.py" />
      <source>Unknown status rule '{key}'. Known: {known}.</source>
      <translation>未知的评价规则“{key}”。可用规则：{known}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/graph.py" />
      <source>Unknown travel mode '{mode}': use 'walk' or 'drive'.</source>
      <translation>未知的出行方式“{mode}”：请使用“walk”（步行）或“drive”（车行）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/units.py" />
      <source>Unknown unit '{unit}' (part '{part}').</source>
      <translation>未知单位“{unit}”（部分“{part}”）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/analysis.py" />
      <source>Unknown weighting method '{method}'; use raking, post_stratification or none.</source>
      <translation>未知的加权方法“{method}”；请使用 raking（耙权）、post_stratification（事后分层）或 none（不加权）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Unreviewed only</source>
      <translation>仅未核查</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Unsaved edits</source>
      <translation>未保存的修改</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Unsaved edits: {fields}.</source>
      <translation>未保存的修改：{fields}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Unusual change</source>
      <translation>变化异常</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Unweighted score</source>
      <translation>未加权得分</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Upper bound</source>
      <translation>置信区间上限</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Urban area (城区范围)</source>
      <translation>城区范围</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Urban development boundary (城镇开发边界)</source>
      <translation>城镇开发边界</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Urban resilience</source>
      <translation>城市韧性</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Urban safety</source>
      <translation>城市安全性</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Urban-rural integration</source>
      <translation>城乡融合</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Urban/town/village code</source>
      <translation>城镇村属性码</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Use</source>
      <translation>用途</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>Use 201, 201A, 202, 202A, 203, 203A, 204 or 205, or leave it blank outside urban, town and village land.</source>
      <translation>请使用 201、201A、202、202A、203、203A、204 或 205；城镇村以外的图斑留空。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Use the default assessment database</source>
      <translation>使用默认评估数据库</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Use the demo population shares (Xiamen, illustrative) when none are given</source>
      <translation>未提供人口构成时使用示例人口构成（厦门，仅供演示）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>Use the shipped catalog only</source>
      <translation>仅使用内置指标目录</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Valid questionnaires</source>
      <translation>有效问卷</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Valid questionnaires required</source>
      <translation>有效问卷要求数量</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Valid questionnaires requirement met</source>
      <translation>有效问卷数量达到要求</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/validate_data_package.py" />
      <source>Validate data package</source>
      <translation>检查数据包</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>Validation report</source>
      <translation>数据检查报告</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Value status</source>
      <translation>数值状态</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>Value — {label}: {rate:.2f} % ({covered} of {total})</source>
      <translation>指标值 — {label}：{rate:.2f}%（{total}中的{covered}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>Values for {n} codes not in the indicator table were ignored: {codes}.</source>
      <translation>已忽略 {n} 个不在指标表中的指标编号的数值：{codes}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Values import</source>
      <translation>数值导入</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Verdict</source>
      <translation>判断</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Village unit code</source>
      <translation>坐落单位代码</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Violating area (hm²)</source>
      <translation>违规面积（公顷）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Violating parts</source>
      <translation>违规图斑数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Violations</source>
      <translation>违规图斑</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Violations found</source>
      <translation>发现违规</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Violations written to {path}.</source>
      <translation>违规图斑已写入 {path}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Wait for the running task to finish, or cancel it.</source>
      <translation>请等待当前任务完成，或取消它。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Walk coverage</source>
      <translation>步行覆盖率</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/roles/registry.py" />
      <source>Walkable (1/0)</source>
      <translation>可步行（1/0）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>Walking (metres along walkable roads)</source>
      <translation>步行（沿可步行道路，米）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Walking and cycling</source>
      <translation>步行与骑行</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Walking coverage</source>
      <translation>步行覆盖</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>Walking speed (km/h; minutes → metres, and the access leg when driving)</source>
      <translation>步行速度（千米/小时；用于分钟换算为米，以及车行时的接入段）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/findings_model.py" />
      <source>Warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/compliance_xlsx.py" />
      <source>Warnings</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/concerns.py" />
      <source>Waste and sanitation</source>
      <translation>垃圾与环境卫生</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>Water security</source>
      <translation>水安全</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis_inputs.py" />
      <source>Web / big data</source>
      <translation>网络数据/大数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Weighted share (%)</source>
      <translation>加权后占比（%）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/analysis.py" />
      <source>Weighting</source>
      <translation>加权</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Weighting method</source>
      <translation>加权方法</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/analysis.py" />
      <source>Weighting needs population shares; give them or choose no weighting.</source>
      <translation>加权需要总体人口构成比例；请提供比例，或选择不加权。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>What each questionnaire column means. Reverse: 1 is the best answer (scored as 6 − answer).</source>
      <translation>问卷各列的含义。反向计分：1 为最好的答案（按 6 − 答案计分）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/workbook_dialogs.py" />
      <source>What to do</source>
      <translation>处理办法</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/workbook_dialogs.py" />
      <source>Where</source>
      <translation>位置</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Who</source>
      <translation>操作人</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>Whole city</source>
      <translation>全市</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/plugin.py" />
      <source>Why is CityHealth not available?</source>
      <translation>为什么 CityHealth 不可用？</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>Within the binding limit: {value} against {limit} {unit}.</source>
      <translation>未突破约束值：现状 {value}，约束值 {limit} {unit}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Word (*.docx)</source>
      <translation>Word (*.docx)</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>Workbook import</source>
      <translation>填报表导入</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Workbook imported</source>
      <translation>填报表已导入</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Workbooks</source>
      <translation>填报表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Workbooks (*.xlsx *.csv)</source>
      <translation>填报表 (*.xlsx *.csv)</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Workbooks exported</source>
      <translation>填报表已导出</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/provenance_dialog.py" />
      <source>Working CRS</source>
      <translation>工作坐标系</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/validate_data_package.py" />
      <source>Working CRS (projected, in metres)</source>
      <translation>工作坐标系（投影坐标系，单位为米）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Working CRS (projected, in metres; empty = from the land-use layer)</source>
      <translation>工作坐标系（以米为单位的投影坐标系；留空 = 取自地类图斑图层）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>Working CRS (projected, in metres; empty = from the roads)</source>
      <translation>工作坐标系（投影坐标系，单位米；留空 = 取道路图层的）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Working CRS (projected, in metres; empty = from the zones)</source>
      <translation>工作坐标系（以米为单位的投影坐标系；留空 = 取自分区图层）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>Worse than the peer median</source>
      <translation>劣于对标城市中位数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/trend.py" />
      <source>Worsening</source>
      <translation>趋差</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/findings_model.py" />
      <source>Write a copy with repaired geometries (GeoPackage) and use it for this role. The source layer is not changed.</source>
      <translation>修复几何后另存为副本（GeoPackage）并用于该角色。源图层不会被修改。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/findings_model.py" />
      <source>Write a reprojected copy of the layer (GeoPackage) and use it for this role. The source layer is not changed.</source>
      <translation>将图层重投影后另存为副本（GeoPackage）并用于该角色。源图层不会被修改。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/cli.py" />
      <source>Write the year's deliverables (1+1+6) into one folder</source>
      <translation>将年度成果（1+1+6）写入一个文件夹</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_package.py" />
      <source>Writes every deliverable of the year's health check into one folder: the annual report (年度体检评估总报告, Word, with a chapter for each of the six assessment aspects, indicator tables, maps and text generated from the numbers for you to edit), the special report of the chosen topic (专项报告), 附件1 indicator conclusion table, 附件2 key-task list, 附件3 map set (PDF and PNG), 附件4 satisfaction report when questionnaires are found next to the data package, 附件5 basic database (GeoPackage with the input layers, results, forms and violations) and 附件6 database description generated from that database, plus manifest.json with timings and what was left out and why. Without an assessment database the assessment is run first. Missing data is marked in the reports as （待补充：…）.</source>
      <translation>将当年体检评估的全部成果写入一个文件夹：年度体检评估总报告（Word，按六个评估方面分章，含指标表、分析图和根据数据生成、供编辑的文字）、所选主题的专项报告、附件1 指标结论表、附件2 重点任务完成清单、附件3 分析图集（PDF 和 PNG）、附件4 社会满意度评价报告（数据包旁有问卷时）、附件5 体检评估基础数据库（含输入图层、计算结果、填报表和问题图斑的 GeoPackage）以及根据该数据库生成的附件6 基础数据库建设说明，另有 manifest.json 记录用时和未生成的内容及原因。未指定体检评估数据库时先运行体检评估。报告中缺少的数据标注为（待补充：…）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/package_dialog.py" />
      <source>Writes the annual report, the special report and the six annexes (1+1+6) into one folder. Without an assessment database the assessment is run first. The reports are drafts: search them for 待补充 to find what is still to be written.</source>
      <translation>将年度总报告、专项报告和六个附件（1+1+6）写入一个文件夹。未指定体检评估数据库时先运行体检评估。报告为初稿：搜索“待补充”可找到仍需编写的内容。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>Writes the task decomposition table (指标内容和任务分解表: indicator, connotation, data source, collection method, responsible department, division of work, time node) and one fill-in workbook per responsible department into the output folder. Each workbook holds only that department's indicators: locked key columns and previous years' values, unlocked value and text columns, drop-down lists, number checks with the unit, a 填表说明 sheet and hidden metadata that the import checks. A year without forms is prepared first (catalog snapshot and default task assignment).</source>
      <translation>向输出文件夹写出指标内容和任务分解表（指标名称、指标内涵、数据来源、采集方式、责任部门、任务分工、时间节点）以及每个责任部门的填报工作簿。每个工作簿只含该部门的指标：指标编号等关键列和往年数值锁定，数值和文字列可填写，带下拉列表、按单位的数值校验、填表说明工作表，以及导入时核对的隐藏元数据。尚无填报表的年度会先准备（指标体系快照和默认任务分工）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/docx_writer.py" />
      <source>Writing Word documents needs the Python package 'python-docx'. Install it into QGIS's Python (pip install python-docx) and restart QGIS.</source>
      <translation>生成 Word 文档需要 Python 包“python-docx”。请将其安装到 QGIS 的 Python 中（pip install python-docx）并重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layers.py" />
      <source>Writing layer '{layer}' was canceled.</source>
      <translation>已取消写出图层“{layer}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>Writing the results</source>
      <translation>正在写入结果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>Writing the satisfaction report</source>
      <translation>正在生成满意度评价报告</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>Writing the tables and the report</source>
      <translation>正在写出分析表和报告</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>Writing the violations</source>
      <translation>正在写出违规图斑</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Wrong department</source>
      <translation>部门错误</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Wrong unit</source>
      <translation>单位错误</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>Wrong year</source>
      <translation>年份错误</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>Wrote the workbook of {department}.</source>
      <translation>已写出 {department} 的填报表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Wrote {n} department workbooks and the task table to {folder}.</source>
      <translation>已将 {n} 份部门填报表和任务分解表写入 {folder}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/pipeline.py" />
      <source>Wrote {path}</source>
      <translation>已写出 {path}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/finding_actions.py" />
      <source>Wrote {path}; it is now used as '{role}'. Run the check again.</source>
      <translation>已写出 {path}，现用作“{role}”。请重新检查。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>Years of residence</source>
      <translation>居住年限</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>Your name (audit log)</source>
      <translation>您的姓名（写入审计日志）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>Your unsaved edits are discarded.</source>
      <translation>您未保存的修改将被放弃。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/form_dialogs.py" />
      <source>Your version (not saved)</source>
      <translation>您的版本（未保存）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Zone area</source>
      <translation>分区面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>Zone code field</source>
      <translation>分区代码字段</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Zone id field (empty = feature id)</source>
      <translation>分区编号字段（留空 = 要素编号）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Zone ids must be unique; {field} repeats {ids}. Choose another id field or none.</source>
      <translation>分区编号必须唯一；{field} 中有重复值 {ids}。请换一个编号字段或不指定。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>Zone level '{level}' has {labels} labels for {count} {what}: give one label per item.</source>
      <translation>分区层级“{level}”有 {labels} 个标签，而{what}有 {count} 个：请为每一项给出一个标签。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Zone name field</source>
      <translation>分区名称字段</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/zonal_density.py" />
      <source>Zones</source>
      <translation>分区</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>[To be completed by {department}: measures to improve {name}]</source>
      <translation>【由{department}填写：提升“{name}”的具体措施】</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/basic_database.py" />
      <source>a table of this name is already in the assessment database</source>
      <translation>体检评估数据库中已有同名表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/values.py" />
      <source>add</source>
      <translation>相加</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>all DLTB patches</source>
      <translation>全部地类图斑</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>along the road network</source>
      <translation>沿路网</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/validate_data_package.py" />
      <source>an invalid CRS</source>
      <translation>无效的坐标系</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>any number</source>
      <translation>任意数值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>area</source>
      <translation>面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>area of '{layer}'</source>
      <translation>“{layer}”的面积</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>assessment GeoPackage (objective indicators); optional</source>
      <translation>评估数据库 GeoPackage（客观指标），可选</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>base year</source>
      <translation>基期年</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>base: first available alternative used (not available: {missing})</source>
      <translation>基数：采用第一个可用的备选（不可用：{missing}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>base: {base}</source>
      <translation>基数：{base}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>binding limit</source>
      <translation>约束性指标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>collection method</source>
      <translation>采集方式</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/life_circle.py" />
      <source>complete life circle</source>
      <translation>生活圈完整</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>computed from spatial data</source>
      <translation>由空间数据计算</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>connected parts of the network</source>
      <translation>路网的连通部分</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/methods/coverage.py" />
      <source>coverage</source>
      <translation>覆盖范围</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>data source type</source>
      <translation>数据来源类型</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>dead ends (nodes with one edge)</source>
      <translation>断头路（只连一条边的节点）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>demand points</source>
      <translation>需求点</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>derived.{id}: input {source!r} must be role:&lt;known role id&gt;.</source>
      <translation>derived.{id}：输入 {source!r} 必须是 role:&lt;已知角色标识&gt;。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>derived.{id}: needs a list of 'inputs'.</source>
      <translation>derived.{id}：需要“inputs”输入列表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>destinations: DLTB patches of {group}</source>
      <translation>目的地：{group}的地类图斑</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>destinations: {types}; {rule}</source>
      <translation>目的地：{types}；{rule}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>distance must be 'network' or 'straight'.</source>
      <translation>distance 只能是“network”或“straight”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/graph.py" />
      <source>driving</source>
      <translation>车行</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>e.g. 厦门市</source>
      <translation>例如：厦门市</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>e.g. 厦门市 (report title)</source>
      <translation>例如 厦门市（用于报告标题）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>ellipsoidal</source>
      <translation>椭球</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>error</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>every type within reach</source>
      <translation>各类设施均在可达范围内</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>exceeds tolerance</source>
      <translation>超出容差</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>failed: {error}</source>
      <translation>失败：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>features located by their point on surface</source>
      <translation>要素按其内点定位</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>floor area = footprint × {field}</source>
      <translation>建筑面积 = 基底面积 × {field}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>gap (straight line − network)</source>
      <translation>差值（直线−路网）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>higher is better</source>
      <translation>正向指标（越高越好）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>info</source>
      <translation>提示</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>inside '{layer}'</source>
      <translation>位于“{layer}”内</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>junctions and ends</source>
      <translation>交叉口与端点</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>land</source>
      <translation>用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>layer: {role}</source>
      <translation>图层：{role}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>lengths on the CGCS2000 ellipsoid</source>
      <translation>长度按 CGCS2000 椭球面计算</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/targets.py" />
      <source>limit_type must be 'max' or 'min' (row of {code}).</source>
      <translation>limit_type 应为“max”或“min”（{code} 所在行）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>line</source>
      <translation>线</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>lower is better</source>
      <translation>逆向指标（越低越好）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/geodesy.py" />
      <source>measured on the CGCS2000 ellipsoid</source>
      <translation>按 CGCS2000 椭球量算</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/pipeline_step.py" />
      <source>met</source>
      <translation>达到</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>method not installed: {method}</source>
      <translation>计算方法未安装：{method}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>metres</source>
      <translation>米</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>minutes</source>
      <translation>分钟</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>missing input</source>
      <translation>缺少输入</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>mode must be 'walk' or 'drive', not '{mode}'.</source>
      <translation>mode 只能是“walk”或“drive”，而不是“{mode}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>nearest destination of any type</source>
      <translation>任一类最近的目的地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>network: {edges:,} edges of '{roads}' ({mode}); land within {width:g} m of a reached road counts as covered; the straight access leg to the nearest road is part of the distance</source>
      <translation>路网：“{roads}”的 {edges:,} 条边（{mode}）；可达道路两侧 {width:g} 米内的用地计为覆盖；到最近道路的直线接入段计入距离</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/pipeline_step.py" />
      <source>no district values of the objective indicators</source>
      <translation>没有客观指标的分区数值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/coverage_common.py" />
      <source>no limit</source>
      <translation>不限</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>no questionnaires (survey_{year}.xlsx / .csv next to the data package, or a SURVEY table)</source>
      <translation>没有问卷（数据包旁的 survey_{year}.xlsx / .csv，或 SURVEY 表）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/pipeline_step.py" />
      <source>none of the related indicators ({codes}) has district values</source>
      <translation>相关指标（{codes}）均无分区数值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/basic_database.py" />
      <source>not a standard layer or table of the assessment</source>
      <translation>不是体检评估的标准图层或表</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/pipeline_step.py" />
      <source>not met</source>
      <translation>未达到</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>not run</source>
      <translation>未运行</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>not saved yet</source>
      <translation>尚未保存</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>not set</source>
      <translation>未设置</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>number of floors</source>
      <translation>层数</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>ok</source>
      <translation>正常</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/pipeline_step.py" />
      <source>only {count} districts have both survey answers and indicator values (at least {minimum} needed)</source>
      <translation>同时有问卷和指标值的区只有 {count} 个（至少需要 {minimum} 个）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/balance.py" />
      <source>over-represented</source>
      <translation>比例偏高</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>overlapping polygons of '{layer}' merged before measuring</source>
      <translation>量算前已融合“{layer}”中相互重叠的面</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>p-value</source>
      <translation>p 值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>patches of at least {area:g} m²</source>
      <translation>面积不小于 {area:g} 平方米的图斑</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>planar</source>
      <translation>平面</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>point</source>
      <translation>点</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>point or polygon</source>
      <translation>点或面</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>points of '{layer}' farther than {distance:g} m from a road</source>
      <translation>“{layer}”中距道路超过 {distance:g} 米的点</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/validation/rules.py" />
      <source>polygon</source>
      <translation>面</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>population</source>
      <translation>人口</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>range {range}</source>
      <translation>范围 {range}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>ready</source>
      <translation>可出图</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>require must be 'any' or 'all'.</source>
      <translation>require 只能是“any”或“all”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/coverage.py" />
      <source>residential land</source>
      <translation>居住用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>residents</source>
      <translation>居民</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>results.{id}: 'per' must be facility or indicator.</source>
      <translation>results.{id}：“per”必须是 facility 或 indicator。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>results.{id}: ids are lower-case letters, digits and _.</source>
      <translation>results.{id}：标识只能由小写字母、数字和 _ 组成。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>routable edges after splitting at junctions</source>
      <translation>在交叉口打断后的可通行路段</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>saved by {by} at {at}</source>
      <translation>{by} 保存于 {at}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>share of the length in the largest part</source>
      <translation>最大连通部分的长度占比</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/base.py" />
      <source>someone else</source>
      <translation>其他人</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/statistics.py" />
      <source>statistic {code} found by name '{name}'</source>
      <translation>统计项 {code} 按名称“{name}”匹配</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_tree.py" />
      <source>statistic: {code}</source>
      <translation>统计数据：{code}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>straight-line radius</source>
      <translation>直线半径</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/methods/coverage.py" />
      <source>straight-line radius {radius:g} m around {sources}</source>
      <translation>以 {sources} 为中心的直线半径 {radius:g} 米</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/values.py" />
      <source>subtract</source>
      <translation>相减</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/basic_database.py" />
      <source>the demo's answer key, not an input</source>
      <translation>演示数据的标准答案，不是输入数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>the map set was switched off</source>
      <translation>未选择生成分析图集</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>the responsible department</source>
      <translation>责任部门</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>the survey analysis gave no result</source>
      <translation>满意度分析没有得到结果</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>the survey was switched off</source>
      <translation>未选择开展满意度分析</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>threshold: {reach} ({basis})</source>
      <translation>阈值：{reach}（{basis}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/balance.py" />
      <source>under-represented</source>
      <translation>比例偏低</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/role_table.py" />
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>urban area</source>
      <translation>城区</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>usable road length</source>
      <translation>可用道路长度</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>used {used} (not available: {missing})</source>
      <translation>使用了 {used}（不可用：{missing}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_layout.py" />
      <source>value</source>
      <translation>数值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>values to add up</source>
      <translation>待求和的数值</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>verified must be true or false, not '{value}'.</source>
      <translation>verified 必须是 true 或 false，而不是“{value}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>village construction land</source>
      <translation>村庄建设用地</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/params.py" />
      <source>walk_coverage needs threshold_m or threshold_min.</source>
      <translation>walk_coverage 需要 threshold_m 或 threshold_min。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/graph.py" />
      <source>walking</source>
      <translation>步行</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>whole area</source>
      <translation>全域</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>whole city</source>
      <translation>全市</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_form.py" />
      <source>within an interval</source>
      <translation>区间指标</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>xlsx or csv export of the survey platform</source>
      <translation>问卷平台导出的 xlsx 或 csv 文件</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/report_tables.py" />
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>{action} (new)</source>
      <translation>{action}（新增）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>{action} (removed)</source>
      <translation>{action}（删除）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>{area} m² ({basis})</source>
      <translation>{area} m²（{basis}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>{area}: {met} of {n} indicators met, {nearly} nearly met, {weak} need attention.</source>
      <translation>{area}：{n} 项指标中 {met} 项达标，{nearly} 项基本达标，{weak} 项需重点关注。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>{assigned} of {total} roles assigned.</source>
      <translation>已指定 {assigned}/{total} 个角色。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/balance.py" />
      <source>{attribute} '{category}' is {direction}: {sample:.1%} of the sample, {population:.1%} of the population.</source>
      <translation>{attribute}“{category}”{direction}：样本占 {sample:.1%}，总体占 {population:.1%}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/balance.py" />
      <source>{attribute}: answers without a population share: {values}.</source>
      <translation>{attribute}：以下答案没有总体构成比例：{values}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/balance.py" />
      <source>{attribute}: the sample differs from the population (chi-square {chi2:.1f}, p = {p:.3g}).</source>
      <translation>{attribute}：样本结构与总体存在显著差异（卡方 {chi2:.1f}，p = {p:.3g}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_margins_widget.py" />
      <source>{attribute}: {count} categories</source>
      <translation>{attribute}：{count} 个类别</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>{available} of {total} maps can be drawn.</source>
      <translation>{total} 幅图件中有 {available} 幅可以出图。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{basis} basis, {method}</source>
      <translation>按{basis}、{method}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{basis} basis: straight-line radius {radius:g} m gives {gap:+.2f} percentage points more than the network</source>
      <translation>按{basis}：{radius:g}米直线半径比路网口径多 {gap:+.2f} 个百分点</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{basis} reading not computed: {message}</source>
      <translation>未计算按{basis}的口径：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>{cell} {code} {field}: {old} → {new}</source>
      <translation>{cell} {code} {field}：{old} → {new}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>{city} city health check rectification task list ({year})</source>
      <translation>{city}城市体检整治任务清单（{year}年）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/key_tasks_table.py" />
      <source>{city} key tasks of planning implementation: completion list ({year})</source>
      <translation>{city}规划实施重点任务完成清单（{year}年）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>{city} territorial spatial planning city health check indicator conclusion table ({year})</source>
      <translation>{city}国土空间规划城市体检评估指标结论表（{year}年）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>{code} {name} per unit</source>
      <translation>{code} {name}（分单元）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>{code}: no values ({message})</source>
      <translation>{code}：无数值（{message}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>{code}: {message}</source>
      <translation>{code}：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/network_topology.py" />
      <source>{components} components (largest: {share:.1f} % of the road length), {dangles} dead ends, {far} points farther than {distance:g} m from a road.</source>
      <translation>{components} 个连通分量（最大者占道路长度的 {share:.1f}%），{dangles} 个断头路，{far} 个点距道路超过 {distance:g} 米。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>{count} district dimensions where feeling and indicators disagree (highlighted).</source>
      <translation>{count} 个区—维度的居民感受与客观指标不一致（已高亮）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layers.py" />
      <source>{count} feature(s) of layer '{layer}' could not be reprojected and have no geometry.</source>
      <translation>图层“{layer}”有 {count} 个要素无法重投影，其几何为空。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layers.py" />
      <source>{count} feature(s) of layer '{layer}' have malformed geometries (e.g. rings with fewer than 4 points); they are treated as missing.</source>
      <translation>图层“{layer}”有 {count} 个要素的几何格式错误（如环的点数少于 4 个），按几何缺失处理。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/demand.py" />
      <source>{count} features of layer '{layer}' have no geometry and count as not covered.</source>
      <translation>图层“{layer}”中有 {count} 个要素没有几何，按未覆盖计。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/importer.py" />
      <source>{count} locations are outside longitude/latitude range; is the mapping's coordinate kind 'projected'?</source>
      <translation>有 {count} 个位置超出经纬度范围；字段对应关系中的坐标类型是否应为“projected”（投影坐标）？</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>{count} mandatory missing.</source>
      <translation>缺少 {count} 个必需角色。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>{count} questionnaires have no answer time; the too-fast rule skips them.</source>
      <translation>有 {count} 份问卷没有答题时长，答题过快规则不检查这些问卷。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>{count} questionnaires have no location; the outside-the-city rule skips them.</source>
      <translation>有 {count} 份问卷没有位置，市域范围规则不检查这些问卷。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/analyse_survey.py" />
      <source>{count} questionnaires read from {name}.</source>
      <translation>从 {name} 读取了 {count} 份问卷。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/weighting.py" />
      <source>{count} respondents have no '{attribute}' answer and cannot be weighted on it. Screen with this attribute required, or fill the blanks.</source>
      <translation>有 {count} 名受访者未填写“{attribute}”，无法按其加权。请在筛查时将该属性设为必填，或补全空值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/scores.py" />
      <source>{count} respondents have no weight; compute the weights on the same valid questionnaires.</source>
      <translation>有 {count} 名受访者没有权重；请基于同一批有效问卷计算权重。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>{count} respondents' locations lie in another district than the one they named (kept; see located_district).</source>
      <translation>有 {count} 名受访者的位置与其所填的区不一致（已保留；见 located_district）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/mapping.py" />
      <source>{count} satisfaction questions have no dimension and are left out: {columns}</source>
      <translation>有 {count} 道满意度题目未对应维度，未纳入计算：{columns}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>{count} with problems.</source>
      <translation>{count} 个存在问题。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>{department} ({n})</source>
      <translation>{department}（{n}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/forms_dock.py" />
      <source>{department} ({unfilled} of {n} unfilled)</source>
      <translation>{department}（{n} 项中 {unfilled} 项未填报）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/violations_model.py" />
      <source>{district} ({code})</source>
      <translation>{district}（{code}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/validate_data_package.py" />
      <source>{errors} error(s), {warnings} warning(s).</source>
      <translation>{errors} 个错误，{warnings} 个警告。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.py" />
      <source>{errors} errors, {warnings} warnings. Click a row to see the features.</source>
      <translation>{errors} 个错误，{warnings} 个警告。点击一行可查看相应要素。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/context.py" />
      <source>{field} ({n} features without it: ellipsoidal CGCS2000)</source>
      <translation>{field}（{n} 个要素缺少该值：按 CGCS2000 椭球面积）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{field} of '{layer}'</source>
      <translation>“{layer}”的{field}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>{field} of '{layer}' split by area share</source>
      <translation>“{layer}”的 {field} 按面积比例分摊</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>{field} of {code} was changed in the database by {by} at {at} after this workbook was exported; export the workbook again or agree on the value with the collecting office.</source>
      <translation>{code} 的{field}在本表导出后已被 {by} 于 {at} 在数据库中修改：请重新导出填报表，或与牵头部门核定数值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/landuse/codes.py" />
      <source>{file}: group '{group}' has unknown 三调 codes {codes}.</source>
      <translation>{file}：地类分组“{group}”含有未知的三调地类编码 {codes}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/landuse/codes.py" />
      <source>{file}: group {n} lacks {keys}.</source>
      <translation>{file}：第 {n} 个地类分组缺少 {keys}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_sources.py" />
      <source>{found} of {total} roles recognised.</source>
      <translation>识别出 {found}/{total} 个角色。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>{gap}% short of the {year} target: {value} against {target} {unit}.</source>
      <translation>距{year}年目标差 {gap}%：现状 {value}，目标 {target} {unit}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/overlay_area.py" />
      <source>{group} inside {clip}</source>
      <translation>{clip}内{group}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_sources.py" />
      <source>{layers} layers opened, {roles} roles recognised.</source>
      <translation>已打开 {layers} 个图层，识别出 {roles} 个角色。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>{layer}: {n} features without a polygon geometry were skipped.</source>
      <translation>{layer}：已跳过 {n} 个无面几何的要素。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>{layer}: {n} invalid geometries were repaired in memory (the source layer is unchanged).</source>
      <translation>{layer}：已在内存中修复 {n} 个无效几何（源图层未改动）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>{layer}: {n} land class codes stored as numbers lost their leading zero (e.g. 101); they were read as 4-digit codes (0101).</source>
      <translation>{layer}：{n} 个以数字存储的地类编码丢失了前导零（如 101），已按4位编码（0101）读取。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/qgis_bridge/layouts.py" />
      <source>{map} cannot be drawn: {reason}</source>
      <translation>{map}无法出图：{reason}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{metres:g} m as given</source>
      <translation>按给定的{metres:g}米</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{metres:g} m radius</source>
      <translation>{metres:g}米半径</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{metres:g} m walk</source>
      <translation>步行{metres:g}米</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{minutes:g} min by car at {speed:g} km/h</source>
      <translation>按 {speed:g} 千米/小时车行{minutes:g}分钟</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{minutes:g} min by car on the road speeds</source>
      <translation>按道路车速车行{minutes:g}分钟</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{minutes:g} min × {speed:g} km/h</source>
      <translation>{minutes:g}分钟 × {speed:g}千米/小时</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{minutes:g}-minute drive</source>
      <translation>车行{minutes:g}分钟</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{minutes:g}-minute life circle of GB 50180-2018 = {metres:g} m</source>
      <translation>GB 50180-2018 的{minutes:g}分钟生活圈 = {metres:g}米</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{minutes:g}-minute walk</source>
      <translation>步行{minutes:g}分钟</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/screening.py" />
      <source>{names} district names but {polygons} polygons were given.</source>
      <translation>给出了 {names} 个区名，但面要素有 {polygons} 个。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_read.py" />
      <source>{name} cannot be opened as an Excel workbook ({error}).</source>
      <translation>{name} 无法作为 Excel 工作簿打开（{error}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_read.py" />
      <source>{name} has no sheet '{sheet}': use the workbook exported for your department.</source>
      <translation>{name} 中没有“{sheet}”工作表：请使用为本部门导出的填报表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_read.py" />
      <source>{name} is not a readable CSV file: {error}</source>
      <translation>{name} 不是可读取的 CSV 文件：{error}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>{name} was not imported: {n} errors, the first: {first}</source>
      <translation>{name} 未导入：{n} 个错误，第一个：{first}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>{name} was {value} {unit} in {year} ({status}): {reason}</source>
      <translation>{name}{year}年为 {value} {unit}（{status}）：{reason}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_read.py" />
      <source>{name}: department workbooks are .xlsx files or CSV exports of their data sheet, not '{suffix}'.</source>
      <translation>{name}：部门填报表应为 .xlsx 文件或其数据表导出的 CSV，而不是“{suffix}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>{name}: {changes} changed cells in {forms} indicators, {errors} errors, {warnings} warnings.</source>
      <translation>{name}：{forms} 项指标共 {changes} 个单元格有变化，{errors} 个错误，{warnings} 个警告。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/workbook_dialogs.py" />
      <source>{name}: {changes} changed cells, {errors} errors, {warnings} warnings. Nothing has been written yet.</source>
      <translation>{name}：{changes} 个修改的单元格，{errors} 个错误，{warnings} 个警告。尚未写入任何内容。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/indicator_inputs.py" />
      <source>{name}: {message}</source>
      <translation>{name}：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_task_workbooks.py" />
      <source>{n} department workbooks in {path}.</source>
      <translation>{path} 中共 {n} 份部门填报表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>{n} facilities without a type are left out.</source>
      <translation>{n} 个没有类型的设施未参与计算。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/service_area.py" />
      <source>{n} facilities, {reach}: service area {area:,.0f} m², {km:,.2f} km of roads reached (half-width {width:g} m).</source>
      <translation>{n} 个设施，{reach}：服务范围 {area:,.0f} 平方米，可达道路 {km:,.2f} 千米（半宽 {width:g} 米）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/context.py" />
      <source>{n} features of '{layer}' have no number in {field}; counted as 0.</source>
      <translation>图层“{layer}”有 {n} 个要素的 {field} 不是数值；按 0 计。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/indicators/measures.py" />
      <source>{n} features of '{layer}' have no number in {field}; they do not match '{filter}'.</source>
      <translation>图层“{layer}”有 {n} 个要素的 {field} 不是数值；视为不满足“{filter}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>{n} indicators have no value for {year}.</source>
      <translation>{n} 项指标无{year}年数值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>{n} indicators have no values and are not diagnosed: {codes}.</source>
      <translation>{n} 项指标无数值，未进行诊断：{codes}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/diagnose_indicators.py" />
      <source>{n} indicators: {met} met, {nearly} nearly met, {warning} warning, {not_met} not met, {not_assessed} not assessed.</source>
      <translation>{n} 项指标：达标 {met} 项，基本达标 {nearly} 项，预警 {warning} 项，未达标 {not_met} 项，未评价 {not_assessed} 项。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>{n} new construction parts lie outside the base-year land-use layer: check that both years cover the same area.</source>
      <translation>{n} 处新增建设用地位于基期地类图斑范围之外，请检查两期数据范围是否一致。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>{n} parts, {area} hm²</source>
      <translation>{n} 处，{area} 公顷</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicators_dock.py" />
      <source>{n} results for {year} (double-click a row for its provenance and layers).</source>
      <translation>{year} 年共 {n} 项结果（双击一行查看来源记录和结果图层）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/suggest_sites.py" />
      <source>{n} sites from {candidates:,} candidates: coverage {before:.1f} % → {after:.1f} % ({reach}).</source>
      <translation>从 {candidates:,} 个候选中选出 {n} 个选址：覆盖率 {before:.1f}% → {after:.1f}%（{reach}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis_inputs.py" />
      <source>{n} targets from the assessment database.</source>
      <translation>{n} 个目标值来自体检评估数据库。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis_inputs.py" />
      <source>{n} targets from the catalog.</source>
      <translation>{n} 个目标值来自指标目录。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis_inputs.py" />
      <source>{n} targets from the targets table given.</source>
      <translation>{n} 个目标值来自所给目标值表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>{n} violating parts come from patches without TBDLMJ; their area is the {basis} area of the part.</source>
      <translation>{n} 处违规图斑所在图斑无 TBDLMJ（图斑地类面积），其面积采用相交部分的{basis}面积。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>{n} violating parts have no district: give the district layer (XZQ).</source>
      <translation>{n} 处违规图斑无所属区，请提供行政区图层（XZQ）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>{n} violating parts were given their district from ZLDWDM (坐落单位代码) because no district polygon covers them or no district layer was given.</source>
      <translation>{n} 处违规图斑无行政区面覆盖或未提供行政区图层，已按 ZLDWDM（坐落单位代码）确定所属区。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/compliance/checks.py" />
      <source>{n} violating parts, {area:.2f} hm² in total.</source>
      <translation>共 {n} 处违规图斑，合计 {area:.2f} 公顷。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>{n} violating parts, {area:.2f} hm², from {checks} checks ({seconds:.1f} s).</source>
      <translation>{n} 处违规图斑，{area:.2f} 公顷，来自 {checks} 项检查（{seconds:.1f} 秒）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>{n} violating parts, {area} hm² ({checks} checks).</source>
      <translation>{n} 处违规图斑，{area} 公顷（{checks} 项检查）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/indicator_runner.py" />
      <source>{ok} computed, {missing} missing inputs, {unavailable} not available, {errors} errors.</source>
      <translation>已计算 {ok} 项，缺少输入 {missing} 项，不可用 {unavailable} 项，出错 {errors} 项。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/compute_indicators.py" />
      <source>{ok} computed, {missing} missing inputs, {unavailable} unavailable, {error} errors ({seconds:.1f} s).</source>
      <translation>已计算 {ok} 项，缺少输入 {missing} 项，不可用 {unavailable} 项，出错 {error} 项（{seconds:.1f} 秒）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>{pages} pages written: {link}</source>
      <translation>已写出 {pages} 页：{link}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/export_map_set.py" />
      <source>{pages} pages, {maps} maps in {seconds:.1f} s: {pdf}</source>
      <translation>{pages} 页、{maps} 幅图件，用时 {seconds:.1f} 秒：{pdf}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/mapset_dock.py" />
      <source>{paper} landscape</source>
      <translation>{paper} 横向</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/gpkg.py" />
      <source>{path} is an SQLite database but not a GeoPackage: choose another output file.</source>
      <translation>{path} 是 SQLite 数据库但不是 GeoPackage：请选择其他输出文件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/gpkg.py" />
      <source>{path} is not a GeoPackage (it has no gpkg_contents table): open a .gpkg file.</source>
      <translation>{path} 不是 GeoPackage（缺少 gpkg_contents 表）：请打开 .gpkg 文件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>{path} is not a readable GeoPackage data package.</source>
      <translation>{path} 不是可读取的 GeoPackage 数据包。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/sqlite_backend.py" />
      <source>{path} is not a usable GeoPackage ({error}).</source>
      <translation>{path} 不是可用的 GeoPackage（{error}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_mapping_widget.py" />
      <source>{questions} questions ({counts}); {attributes} attributes; {open} open answers.</source>
      <translation>{questions} 道题（{counts}）；{attributes} 个受访者属性；{open} 道开放题。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/life_circle.py" />
      <source>{rate:.1f} % of residents have every one of {n} types within reach.</source>
      <translation>{rate:.1f}% 的居民 {n} 类设施全部可达。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{reach} life circle</source>
      <translation>{reach}生活圈</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>{rows} questionnaires, {columns} columns{encoding}.</source>
      <translation>{rows} 份问卷，{columns} 列{encoding}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/facility_catchments.py" />
      <source>{served:,.0f} of {total:,.0f} residents served by {n} facilities ({reach}).</source>
      <translation>{n} 个设施服务 {total:,.0f} 名居民中的 {served:,.0f} 名（{reach}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>{shown} of {total} shown, {reviewed} reviewed.</source>
      <translation>显示 {shown} / {total} 处，已核查 {reviewed} 处。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{subject}: coverage readings</source>
      <translation>{subject}覆盖率多口径对比</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{subject}: {base} without every service</source>
      <translation>{subject}设施未配齐的{base}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/tasks.py" />
      <source>{task} stopped without a message.</source>
      <translation>{task}已停止，没有提示信息。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/tasks.py" />
      <source>{task} was cancelled.</source>
      <translation>{task}已取消。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/check_compliance.py" />
      <source>{title}: {message}</source>
      <translation>{title}：{message}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/conclusion_table.py" />
      <source>{trend} ({evaluation})</source>
      <translation>{trend}（{evaluation}）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{type} {reach} service area (roads reached)</source>
      <translation>{type}{reach}服务范围（可达道路）</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{type}: {base} not covered</source>
      <translation>{type}未覆盖{base}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/coverage_rates.py" />
      <source>{type}: {reach}</source>
      <translation>{type}：{reach}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>{valid} valid of {total} questionnaires: fewer than the required {required}.</source>
      <translation>{total} 份问卷中有效 {valid} 份：少于要求的 {required} 份。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>{valid} valid of {total} questionnaires: the required {required} are met.</source>
      <translation>{total} 份问卷中有效 {valid} 份：达到 {required} 份的要求。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>{valid} valid questionnaires; overall satisfaction {score:.1f}.</source>
      <translation>有效问卷 {valid} 份；总体满意度 {score:.1f}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{value:,.0f} residents</source>
      <translation>{value:,.0f} 人</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/network/indicator_method.py" />
      <source>{value:,.2f} hm²</source>
      <translation>{value:,.2f} 公顷</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>{value} is more than ten times off the previous value {previous} {unit}; check the unit.</source>
      <translation>{value} 与上一期数值 {previous} {unit} 相差十倍以上：请检查单位。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>{value} {unit} is a count but not a whole number.</source>
      <translation>{value} {unit} 是计数，但不是整数。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/exports/workbook_import.py" />
      <source>{value} {unit} is outside the plausible range {range}; check the unit and the number.</source>
      <translation>{value} {unit} 超出合理范围 {range}：请检查单位和数值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>{value} {unit} is outside the range {lower} to {upper} by {gap}%.</source>
      <translation>{value} {unit} 超出合理区间 {lower}～{upper}，偏离 {gap}%。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/diagnosis.py" />
      <source>{value} {unit} is within the range {lower} to {upper}.</source>
      <translation>{value} {unit} 位于合理区间 {lower}～{upper} 内。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/survey/scores.py" />
      <source>{weights} weights were given for {respondents} respondents.</source>
      <translation>给出了 {weights} 个权重，但受访者有 {respondents} 人。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/base.py" />
      <source>{what} {key} was changed by {by} at {at}; reload and try again.</source>
      <translation>{what} {key} 已被 {by} 于 {at} 修改，请重新加载后再试。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/store/base.py" />
      <source>{what} {key} was deleted by {by} at {at}; reload and try again.</source>
      <translation>{what} {key} 已被 {by} 于 {at} 删除，请重新加载后再试。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: 'classes' must be a whole number from 2 to 9.</source>
      <translation>{where}：“classes”必须是 2 到 9 之间的整数。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: 'each' must be one of {values}.</source>
      <translation>{where}：“each”必须是 {values} 之一。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: 'id' must be lower-case letters, digits and _.</source>
      <translation>{where}：“id”只能由小写字母、数字和 _ 组成。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: 'method' must be one of {methods}.</source>
      <translation>{where}：“method”必须是 {methods} 之一。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: 'opacity' must be above 0 and at most 1.</source>
      <translation>{where}：“opacity”必须大于 0 且不超过 1。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: 'ranges' must be a non-empty list.</source>
      <translation>{where}：“ranges”必须是非空列表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: 'title_years' must be single or range.</source>
      <translation>{where}：“title_years”必须是 single 或 range。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: '{key}' must be a colour like #1f78b4, not {value!r}.</source>
      <translation>{where}：“{key}”必须是 #1f78b4 这样的颜色，而不是 {value!r}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: '{key}' must be a list of at least two colours.</source>
      <translation>{where}：“{key}”必须是至少包含两个颜色的列表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: a class needs a 'value'.</source>
      <translation>{where}：分类需要“value”值。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: a layer must be an object.</source>
      <translation>{where}：图层必须是一个对象。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: a range needs numeric 'lower' and 'upper'.</source>
      <translation>{where}：分级区间需要数值型的“lower”和“upper”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/outline.py" />
      <source>{where}: a topic needs 'id' and 'zh'.</source>
      <translation>{where}：专项主题需要“id”和“zh”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/outline.py" />
      <source>{where}: an aspect needs 'id' and 'zh'.</source>
      <translation>{where}：评估方面需要“id”和“zh”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: at least one layer must not be optional.</source>
      <translation>{where}：至少要有一个非可选图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: derived layer '{id}' is not declared under "derived".</source>
      <translation>{where}：派生图层“{id}”未在 "derived" 中声明。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/outline.py" />
      <source>{where}: expected a list of texts.</source>
      <translation>{where}：应为文本列表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: needs a Chinese (zh) and an English (en) text.</source>
      <translation>{where}：需要中文（zh）和英文（en）文字。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: needs a non-empty list of 'layers'.</source>
      <translation>{where}：需要非空的“layers”图层列表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: ranges must be ascending and not overlap.</source>
      <translation>{where}：分级区间必须递增且互不重叠。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: result '{id}' is given per {per}; write result:{id}:{{key}}.</source>
      <translation>{where}：成果“{id}”按 {per} 分别提供，请写成 result:{id}:{{key}}。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: result '{id}' is not declared under "results".</source>
      <translation>{where}：成果“{id}”未在 "results" 中声明。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: role:{{key}} is only allowed in maps with "each": "facility".</source>
      <translation>{where}：role:{{key}} 只能用于 "each": "facility" 的图件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: source {source!r} must be role:&lt;id&gt;, derived:&lt;id&gt; or result:&lt;id&gt;[:&lt;key&gt;].</source>
      <translation>{where}：来源 {source!r} 必须写成 role:&lt;id&gt;、derived:&lt;id&gt; 或 result:&lt;id&gt;[:&lt;key&gt;]。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: style {style!r} is not one of {styles}.</source>
      <translation>{where}：样式 {style!r} 不在 {styles} 之中。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: the 'categorized' style needs a 'field'.</source>
      <translation>{where}：“categorized”样式需要“field”字段。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: the 'categorized' style needs a list of 'classes'.</source>
      <translation>{where}：“categorized”样式需要“classes”分类列表。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: the 'fill' style needs a 'fill' colour.</source>
      <translation>{where}：“fill”样式需要“fill”颜色。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: the 'graduated' style needs a 'field' or an 'expression'.</source>
      <translation>{where}：“graduated”样式需要“field”字段或“expression”表达式。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: the 'outline' style needs an 'outline' colour.</source>
      <translation>{where}：“outline”样式需要“outline”颜色。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: the 'role' style needs a role:&lt;id&gt; source.</source>
      <translation>{where}：“role”样式需要 role:&lt;id&gt; 来源。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: the '{style}' style needs a 'color'.</source>
      <translation>{where}：“{style}”样式需要“color”颜色。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: the id '{id}' is used twice.</source>
      <translation>{where}：标识“{id}”重复使用。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/outline.py" />
      <source>{where}: unknown compliance check '{check}' (known: {known}).</source>
      <translation>{where}：未知的底线管控检查“{check}”（可用：{known}）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: unknown role '{role}'.</source>
      <translation>{where}：未知的图层角色“{role}”。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/mapset/catalog.py" />
      <source>{where}: {{key}} is only allowed in maps with "each".</source>
      <translation>{where}：{{key}} 只能用于带有 "each" 的图件。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/audit_view.py" />
      <source>{year}: {n} indicators have both a computed spatial value and a department figure; {flagged} differ by more than {tolerance} %. Double-click a row to open its form.</source>
      <translation>{year} 年：{n} 项指标同时有空间计算值和部门填报值，其中 {flagged} 项差异超过 {tolerance} %。双击一行打开该指标的表单。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/assessment/steps.py" />
      <source>{year}: {n} indicators{source}</source>
      <translation>{year} 年：{n} 项指标{source}</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/compliance_dock.py" />
      <source>{year}: {n} violating parts, {area} hm².</source>
      <translation>{year} 年：{n} 处违规图斑，{area} 公顷。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>…</source>
      <translation>…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/catalog/validate.py" />
      <source>… and {n} more problems.</source>
      <translation>… 另有 {n} 个问题。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/processing_provider/algorithms/import_department_workbook.py" />
      <source>… and {n} more.</source>
      <translation>…… 另有 {n} 个。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>… or below this share of the median time</source>
      <translation>… 或低于中位时长的该比例</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/survey_dock.py" />
      <source>附件4 社会满意度评价报告 with tables and the district map (Word).</source>
      <translation>附件4 社会满意度评价报告（Word），含表格和分区图。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/core/deliverables/package.py" />
      <source>附件5 could not be written; see the log.</source>
      <translation>无法写入附件5，请查看日志。</translation>
    </message>
  </context>
  <context>
    <name>DataDockBase</name>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Check data</source>
      <translation>检查数据</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Check the assigned layers: CRS, geometry validity, required fields, codes and encoding.</source>
      <translation>检查已指定的图层：坐标系、几何有效性、必需字段、编码值和字符编码。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Export to Excel…</source>
      <translation>导出到 Excel…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Generate the synthetic demo city into a folder you choose and open it.</source>
      <translation>在所选文件夹中生成合成的示例城市并打开。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>No layers assigned yet.</source>
      <translation>尚未指定图层。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Open a GeoPackage, a folder of shapefiles or a PostGIS connection, add its layers to the project and recognise their roles.</source>
      <translation>打开 GeoPackage、Shapefile 文件夹或 PostGIS 连接，将其图层加入工程并识别角色。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Open data package…</source>
      <translation>打开数据包…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Open demo city…</source>
      <translation>打开示例城市…</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Projected metric CRS in which areas and distances are computed.</source>
      <translation>计算面积和距离所用的投影坐标系（米）。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Recognise roles</source>
      <translation>识别角色</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Recognise the roles of the layers in the project from their names and fields.</source>
      <translation>根据图层名称和字段识别工程中各图层的角色。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Run “Check data” to list data problems here.</source>
      <translation>点击“检查数据”，数据问题将列在这里。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Save the findings as an Excel workbook.</source>
      <translation>将检查结果保存为 Excel 工作簿。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Stop the running task.</source>
      <translation>停止当前任务。</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Working CRS</source>
      <translation>工作坐标系</translation>
    </message>
    <message>
      <location filename="../cityhealth_plugin/gui/data_dock.ui" />
      <source>Working…</source>
      <translation>正在处理…</translation>
    </message>
  </context>
</TS>
