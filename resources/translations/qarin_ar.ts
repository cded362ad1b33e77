<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Actions</name>
    <message>
        <source>Import files…</source>
        <translation>استيراد ملفات…</translation>
    </message>
    <message>
        <source>Add text or HTML files to the library</source>
        <translation>إضافة ملفات نصية أو صفحات HTML إلى المكتبة</translation>
    </message>
    <message>
        <source>Import folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <source>Add every article file in a folder to the library</source>
        <translation>إضافة كل ملفات المقالات في مجلد إلى المكتبة</translation>
    </message>
    <message>
        <source>Paste article</source>
        <translation>لصق مقال</translation>
    </message>
    <message>
        <source>Add the text on the clipboard to the library as a new article</source>
        <translation>إضافة النص الموجود في الحافظة إلى المكتبة مقالًا جديدًا</translation>
    </message>
    <message>
        <source>Add feed…</source>
        <translation>إضافة موجز…</translation>
    </message>
    <message>
        <source>Import the entries of an RSS or Atom feed from its address</source>
        <translation>استيراد مواد موجز RSS أو Atom من عنوانه</translation>
    </message>
    <message>
        <source>Edit title, source and date…</source>
        <translation>تعديل العنوان والمصدر والتاريخ…</translation>
    </message>
    <message>
        <source>Change the metadata of the selected article</source>
        <translation>تغيير بيانات المقال المحدد</translation>
    </message>
    <message>
        <source>Removed lines…</source>
        <translation>الأسطر المحذوفة…</translation>
    </message>
    <message>
        <source>The lines cleaning removed from the selected article, to restore</source>
        <translation>الأسطر التي حذفها التنظيف من المقال المحدد، لاستعادتها</translation>
    </message>
    <message>
        <source>Export comparison…</source>
        <translation>تصدير المقارنة…</translation>
    </message>
    <message>
        <source>Save the comparison with its facts as an HTML page or a PDF</source>
        <translation>حفظ المقارنة مع وقائعها صفحةَ HTML أو ملف PDF</translation>
    </message>
    <message>
        <source>Print comparison…</source>
        <translation>طباعة المقارنة…</translation>
    </message>
    <message>
        <source>Print the comparison with its facts</source>
        <translation>طباعة المقارنة مع وقائعها</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Close Qarin</source>
        <translation>إغلاق قارِن</translation>
    </message>
    <message>
        <source>Find in text…</source>
        <translation>بحث في النص…</translation>
    </message>
    <message>
        <source>Find words in the panes, ignoring harakat and hamza forms</source>
        <translation>البحث عن كلمات في اللوحتين مع تجاهل الحركات وأشكال الهمزة</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>البحث عن التالي</translation>
    </message>
    <message>
        <source>Go to the next hit</source>
        <translation>الانتقال إلى النتيجة التالية</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>البحث عن السابق</translation>
    </message>
    <message>
        <source>Go to the previous hit</source>
        <translation>الانتقال إلى النتيجة السابقة</translation>
    </message>
    <message>
        <source>Find in both panes</source>
        <translation>البحث في اللوحتين</translation>
    </message>
    <message>
        <source>Search the left and the right pane, or only the focused one</source>
        <translation>البحث في اللوحتين اليسرى واليمنى، أو في اللوحة النشطة وحدها</translation>
    </message>
    <message>
        <source>Filter the article list</source>
        <translation>تصفية قائمة المقالات</translation>
    </message>
    <message>
        <source>Swap sides</source>
        <translation>تبديل الجانبين</translation>
    </message>
    <message>
        <source>Type to narrow the list by title, source or text</source>
        <translation>اكتب لتضييق القائمة بالعنوان أو المصدر أو النص</translation>
    </message>
    <message>
        <source>Exchange the left and right articles</source>
        <translation>تبديل المقالين الأيسر والأيمن</translation>
    </message>
    <message>
        <source>Show the article list</source>
        <translation>إظهار قائمة المقالات</translation>
    </message>
    <message>
        <source>Show or put away the list of articles beside the panes</source>
        <translation>إظهار قائمة المقالات بجانب اللوحتين أو إخفاؤها</translation>
    </message>
    <message>
        <source>Stories in the list</source>
        <translation>القصص في القائمة</translation>
    </message>
    <message>
        <source>The library&apos;s stories (reports of one story together) or its articles</source>
        <translation>قصص المكتبة (تقارير القصة الواحدة معًا) أو مقالاتها</translation>
    </message>
    <message>
        <source>Show the facts panel</source>
        <translation>إظهار لوحة الوقائع</translation>
    </message>
    <message>
        <source>Show or put away the facts the two articles state</source>
        <translation>إظهار الوقائع التي يذكرها المقالان أو إخفاؤها</translation>
    </message>
    <message>
        <source>Focus the article list</source>
        <translation>الانتقال إلى قائمة المقالات</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the list of articles</source>
        <translation>نقل تركيز لوحة المفاتيح إلى قائمة المقالات</translation>
    </message>
    <message>
        <source>Focus the left pane</source>
        <translation>الانتقال إلى النص الأيسر</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the left reading pane</source>
        <translation>نقل تركيز لوحة المفاتيح إلى لوحة القراءة اليسرى</translation>
    </message>
    <message>
        <source>Focus the right pane</source>
        <translation>الانتقال إلى النص الأيمن</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the right reading pane</source>
        <translation>نقل تركيز لوحة المفاتيح إلى لوحة القراءة اليمنى</translation>
    </message>
    <message>
        <source>Focus the facts panel</source>
        <translation>الانتقال إلى لوحة الوقائع</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the facts the two articles state</source>
        <translation>نقل تركيز لوحة المفاتيح إلى الوقائع التي يذكرها المقالان</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>نص أكبر</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>نص أصغر</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>الحجم الأصلي</translation>
    </message>
    <message>
        <source>Text at its normal size</source>
        <translation>النص بحجمه العادي</translation>
    </message>
    <message>
        <source>Arabic-Indic digits</source>
        <translation>الأرقام المشرقية (٠١٢)</translation>
    </message>
    <message>
        <source>Counts, shares and dates in Arabic-Indic rather than Latin digits</source>
        <translation>الأعداد والنسب والتواريخ بالأرقام المشرقية (٠١٢) بدل اللاتينية (012)</translation>
    </message>
    <message>
        <source>Show hidden characters</source>
        <translation>إظهار المحارف المخفية</translation>
    </message>
    <message>
        <source>Bidi controls and zero-width characters shown as signs (on at start)</source>
        <translation>إظهار محارف التحكم في الاتجاه والمحارف الخفية علاماتٍ (مفعّل عند البدء)</translation>
    </message>
    <message>
        <source>Stories…</source>
        <translation>القصص…</translation>
    </message>
    <message>
        <source>The stories of the library: what each report took, added, dropped</source>
        <translation>قصص المكتبة: ما أخذه كل تقرير وما أضافه وما أسقطه</translation>
    </message>
    <message>
        <source>Articles sharing text with this one…</source>
        <translation>مقالات تشارك هذا المقال نصًا…</translation>
    </message>
    <message>
        <source>The articles sharing text with the selected one, and how much</source>
        <translation>المقالات التي تشارك المقال المحدد نصًا، ومقدار ذلك</translation>
    </message>
    <message>
        <source>Next difference</source>
        <translation>الاختلاف التالي</translation>
    </message>
    <message>
        <source>Go to the next changed or one-sided stretch</source>
        <translation>الانتقال إلى الموضع المعدَّل أو المنفرد التالي</translation>
    </message>
    <message>
        <source>Previous difference</source>
        <translation>الاختلاف السابق</translation>
    </message>
    <message>
        <source>Go to the previous changed or one-sided stretch</source>
        <translation>الانتقال إلى الموضع المعدَّل أو المنفرد السابق</translation>
    </message>
    <message>
        <source>Next passage link</source>
        <translation>رابط المقطع التالي</translation>
    </message>
    <message>
        <source>Select the next shared passage and show its counterpart</source>
        <translation>تحديد المقطع المشترك التالي وإظهار مقابله</translation>
    </message>
    <message>
        <source>Previous passage link</source>
        <translation>رابط المقطع السابق</translation>
    </message>
    <message>
        <source>Select the previous shared passage and show its counterpart</source>
        <translation>تحديد المقطع المشترك السابق وإظهار مقابله</translation>
    </message>
    <message>
        <source>Jump to counterpart</source>
        <translation>الانتقال إلى المقطع المقابل</translation>
    </message>
    <message>
        <source>To the passage in the other pane matching the one at the cursor</source>
        <translation>إلى المقطع المقابل في اللوحة الأخرى للمقطع الذي عند المؤشر</translation>
    </message>
    <message>
        <source>Next fact that differs</source>
        <translation>الواقعة المختلفة التالية</translation>
    </message>
    <message>
        <source>The next number, date, name or quote the articles state differently</source>
        <translation>الرقم أو التاريخ أو الاسم أو الاقتباس التالي الذي يختلف فيه المقالان</translation>
    </message>
    <message>
        <source>Previous fact that differs</source>
        <translation>الواقعة المختلفة السابقة</translation>
    </message>
    <message>
        <source>Show the previous fact the two articles state differently</source>
        <translation>إظهار الواقعة السابقة التي يختلف فيها المقالان</translation>
    </message>
    <message>
        <source>Next article in the list</source>
        <translation>المقال التالي في القائمة</translation>
    </message>
    <message>
        <source>The next article of the list into the right pane, against the left one</source>
        <translation>المقال التالي في القائمة إلى اللوحة اليمنى، مقابل اليسرى</translation>
    </message>
    <message>
        <source>The previous article of the list into the right pane, against the left</source>
        <translation>المقال السابق في القائمة إلى اللوحة اليمنى، مقابل اليسرى</translation>
    </message>
    <message>
        <source>Previous article in the list</source>
        <translation>المقال السابق في القائمة</translation>
    </message>
    <message>
        <source>Show selected article on the left</source>
        <translation>عرض المقال المحدد على اليسار</translation>
    </message>
    <message>
        <source>Put the article selected in the list into the left pane</source>
        <translation>وضع المقال المحدد في القائمة في اللوحة اليسرى</translation>
    </message>
    <message>
        <source>Show selected article on the right</source>
        <translation>عرض المقال المحدد على اليمين</translation>
    </message>
    <message>
        <source>Put the article selected in the list into the right pane</source>
        <translation>وضع المقال المحدد في القائمة في اللوحة اليمنى</translation>
    </message>
    <message>
        <source>Ignore diacritics</source>
        <translation>تجاهل التشكيل</translation>
    </message>
    <message>
        <source>Words that differ only in harakat count as the same</source>
        <translation>الكلمات التي لا تختلف إلا في الحركات تُعدّ متطابقة</translation>
    </message>
    <message>
        <source>Ignore hamza and alef forms</source>
        <translation>تجاهل أشكال الهمزة والألف</translation>
    </message>
    <message>
        <source>أ إ آ ا, ؤ و and ئ ي count as the same letter</source>
        <translation>أ إ آ ا، وؤ و، وئ ي تُعدّ حرفًا واحدًا</translation>
    </message>
    <message>
        <source>Ignore punctuation style</source>
        <translation>تجاهل أشكال علامات الترقيم</translation>
    </message>
    <message>
        <source>Arabic and Latin commas, question marks and quotes count as the same</source>
        <translation>الفواصل وعلامات الاستفهام وعلامات التنصيص العربية واللاتينية تُعدّ متطابقة</translation>
    </message>
    <message>
        <source>Ignore attached prefixes</source>
        <translation>تجاهل السوابق المتصلة</translation>
    </message>
    <message>
        <source>و ف ب ل ال before a word are ignored, so وقال matches قال</source>
        <translation>تُتجاهل و ف ب ل ال في أول الكلمة، فتطابق «وقال» «قال»</translation>
    </message>
    <message>
        <source>Minimum passage length…</source>
        <translation>الحد الأدنى لطول المقطع…</translation>
    </message>
    <message>
        <source>How many words a shared passage needs at least</source>
        <translation>أقل عدد من الكلمات يحتاجه المقطع المشترك</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>لوحة الأوامر…</translation>
    </message>
    <message>
        <source>Find any action by name and run it</source>
        <translation>البحث عن أي أمر باسمه وتنفيذه</translation>
    </message>
    <message>
        <source>Keyboard shortcuts…</source>
        <translation>اختصارات لوحة المفاتيح…</translation>
    </message>
    <message>
        <source>Show and change the keys of every action</source>
        <translation>عرض مفاتيح كل الأوامر وتغييرها</translation>
    </message>
    <message>
        <source>About Qarin</source>
        <translation>عن قارِن</translation>
    </message>
    <message>
        <source>Version and licences</source>
        <translation>الإصدار والتراخيص</translation>
    </message>
</context>
<context>
    <name>ArticleList</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>الكلمات</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>المشترك</translation>
    </message>
    <message>
        <source>Pane</source>
        <translation>اللوحة</translation>
    </message>
    <message>
        <source>A</source>
        <translation>أ</translation>
    </message>
    <message>
        <source>B</source>
        <translation>ب</translation>
    </message>
    <message>
        <source>In the left pane (A)</source>
        <translation>في اللوحة اليسرى (أ)</translation>
    </message>
    <message>
        <source>In the right pane (B)</source>
        <translation>في اللوحة اليمنى (ب)</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <source>Contains bidi control characters: it may read unlike its stored text.</source>
        <translation>يحتوي على محارف تحكّم في الاتجاه: قد يظهر على غير ترتيبه المخزَّن.</translation>
    </message>
    <message>
        <source>Not matching the filter: listed because it is in a pane</source>
        <translation>لا يطابق التصفية: مُدرَج لأنه معروض في إحدى اللوحتين</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <source>Filter stories: words of the headline or outlets</source>
        <translation>تصفية القصص: كلمات من العنوان أو المنافذ</translation>
    </message>
    <message>
        <source>Filter: title, source or words in the text</source>
        <translation>تصفية: العنوان أو المصدر أو كلمات من النص</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Type the name of an action</source>
        <translation>اكتب اسم أمر</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Passage {0} of {1}: {2}% alike</source>
        <translation>المقطع {0} من {1}: متشابه بنسبة {2}٪</translation>
    </message>
    <message>
        <source>No comparison yet</source>
        <translation>لا مقارنة بعد</translation>
    </message>
    <message>
        <source>No more passages</source>
        <translation>لا مزيد من المقاطع</translation>
    </message>
    <message>
        <source>No more differences</source>
        <translation>لا مزيد من الاختلافات</translation>
    </message>
    <message>
        <source>No shared passage at the cursor</source>
        <translation>لا مقطع مشترك عند المؤشر</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>published {gap} after {source}</source>
        <translation>نُشر بعد {source}، والفارق {gap}</translation>
    </message>
    <message>
        <source>{share} of its text is in {source}, and it carries {back} of that one&apos;s</source>
        <translation>{share} من نصه موجود في {source}، ويحمل {back} من نص ذاك</translation>
    </message>
    <message>
        <source>it holds that report&apos;s text plus more of its own, as a later version does</source>
        <translation>يحمل نص ذلك التقرير وزيادة من عنده، كما تفعل النسخة اللاحقة</translation>
    </message>
    <message>
        <source>{source} holds all of this text plus more, which is what a later version looks like</source>
        <translation>{source} يحمل هذا النص كله وزيادة، وهذا شأن النسخة اللاحقة</translation>
    </message>
    <message>
        <source>no time tells them apart</source>
        <translation>لا وقت يفرّق بينهما</translation>
    </message>
    <message>
        <source>the times may be when the pages were fetched rather than published</source>
        <translation>قد تكون الأوقات أوقات جلب الصفحات لا أوقات نشرها</translation>
    </message>
    <message>
        <source>no other report of the story carries much of its text: it was written apart</source>
        <translation>لا يحمل تقرير آخر من القصة كثيرًا من نصه: كُتب مستقلًا</translation>
    </message>
    <message>
        <source>the earliest report: the others carry its text</source>
        <translation>أقدم التقارير: يحمل الآخرون نصه</translation>
    </message>
    <message>
        <source>the reports that share its text are all dated later: it is where they took it from</source>
        <translation>التقارير التي تشاركه نصه كلها مؤرخة بعده: منه أخذت</translation>
    </message>
    <message>
        <source>the agency&apos;s report ({name})</source>
        <translation>تقرير الوكالة ({name})</translation>
    </message>
    <message>
        <source>the earliest report ({when})</source>
        <translation>أقدم تقرير ({when})</translation>
    </message>
    <message>
        <source>the first report (no dates)</source>
        <translation>أول تقرير (بلا تواريخ)</translation>
    </message>
    <message>
        <source>dates and text agree</source>
        <translation>التواريخ والنص متفقان</translation>
    </message>
    <message>
        <source>text only</source>
        <translation>النص وحده</translation>
    </message>
    <message>
        <source>dates and text disagree</source>
        <translation>التواريخ والنص مختلفان</translation>
    </message>
    <message>
        <source>where the text starts</source>
        <translation>منبع النص</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>بلا مصدر</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>أقل من دقيقة</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتان</numerusform>
            <numerusform>%n دقائق</numerusform>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>%n دقيقة</numerusform>
        </translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} س و{minutes} د</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>لا أيام</numerusform>
            <numerusform>يوم واحد</numerusform>
            <numerusform>يومان</numerusform>
            <numerusform>%n أيام</numerusform>
            <numerusform>%n يومًا</numerusform>
            <numerusform>%n يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>{report} is where its text starts: {evidence}</source>
        <translation>{report} منبع نصه: {evidence}</translation>
    </message>
    <message>
        <source>{report} took its text from {source}: {evidence}</source>
        <translation>{report} أخذ نصه من {source}: {evidence}</translation>
    </message>
    <message>
        <source>Report (under its source)</source>
        <translation>التقرير (تحت مصدره)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>الحكم</translation>
    </message>
</context>
<context>
    <name>Facts</name>
    <message>
        <source>number differs</source>
        <translation>رقم مختلف</translation>
    </message>
    <message>
        <source>date differs</source>
        <translation>تاريخ مختلف</translation>
    </message>
    <message>
        <source>another name</source>
        <translation>اسم آخر</translation>
    </message>
    <message>
        <source>name spelled two ways</source>
        <translation>اسم مكتوب بطريقتين</translation>
    </message>
    <message>
        <source>quote worded differently</source>
        <translation>اقتباس بصياغة مختلفة</translation>
    </message>
    <message>
        <source>quote given to another speaker</source>
        <translation>اقتباس منسوب إلى قائل آخر</translation>
    </message>
    <message>
        <source>quote worded differently and given to another speaker</source>
        <translation>اقتباس بصياغة مختلفة ومنسوب إلى قائل آخر</translation>
    </message>
    <message>
        <source>number in A only</source>
        <translation>رقم في أ وحده</translation>
    </message>
    <message>
        <source>number in B only</source>
        <translation>رقم في ب وحده</translation>
    </message>
    <message>
        <source>date in A only</source>
        <translation>تاريخ في أ وحده</translation>
    </message>
    <message>
        <source>date in B only</source>
        <translation>تاريخ في ب وحده</translation>
    </message>
    <message>
        <source>name in A only</source>
        <translation>اسم في أ وحده</translation>
    </message>
    <message>
        <source>name in B only</source>
        <translation>اسم في ب وحده</translation>
    </message>
    <message>
        <source>quote in A only</source>
        <translation>اقتباس في أ وحده</translation>
    </message>
    <message>
        <source>quote in B only</source>
        <translation>اقتباس في ب وحده</translation>
    </message>
    <message>
        <source>number agrees</source>
        <translation>رقم متفق</translation>
    </message>
    <message>
        <source>date agrees</source>
        <translation>تاريخ متفق</translation>
    </message>
    <message>
        <source>name agrees</source>
        <translation>اسم متفق</translation>
    </message>
    <message>
        <source>quote agrees</source>
        <translation>اقتباس متفق</translation>
    </message>
</context>
<context>
    <name>FactsPanel</name>
    <message>
        <source>Fact</source>
        <translation>الواقعة</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>اليسار</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>اليمين</translation>
    </message>
    <message numerus="yes">
        <source>Facts: %n differ</source>
        <translation>
            <numerusform>الوقائع: لا اختلاف</numerusform>
            <numerusform>الوقائع: واحدة مختلفة</numerusform>
            <numerusform>الوقائع: اثنتان مختلفتان</numerusform>
            <numerusform>الوقائع: %n مختلفة</numerusform>
            <numerusform>الوقائع: %n مختلفة</numerusform>
            <numerusform>الوقائع: %n مختلفة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n shown</source>
        <translation>
            <numerusform>، لا شيء معروض</numerusform>
            <numerusform>، واحدة معروضة</numerusform>
            <numerusform>، اثنتان معروضتان</numerusform>
            <numerusform>، %n معروضة</numerusform>
            <numerusform>، %n معروضة</numerusform>
            <numerusform>، %n معروضة</numerusform>
        </translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>الوقائع</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find (harakat and hamza forms ignored)</source>
        <translation>بحث (مع تجاهل الحركات وأشكال الهمزة)</translation>
    </message>
    <message>
        <source>Both panes</source>
        <translation>اللوحتان</translation>
    </message>
    <message>
        <source>Search the left and the right pane (Alt+B)</source>
        <translation>البحث في اللوحتين اليسرى واليمنى (⁦Alt+B⁩)</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3)</source>
        <translation>النتيجة السابقة (⁦Shift+F3⁩)</translation>
    </message>
    <message>
        <source>Next hit (F3)</source>
        <translation>النتيجة التالية (⁦F3⁩)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>إغلاق (⁦Esc⁩)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>بحث:</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <source>left %1, right %2</source>
        <translation>اليسرى %1، اليمنى %2</translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <source>Importing articles…</source>
        <translation>جارٍ استيراد المقالات…</translation>
    </message>
    <message>
        <source>Importing the text…</source>
        <translation>جارٍ استيراد النص…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Importing {0} of {1}
{2}</source>
        <translation>جارٍ استيراد {0} من {1}
{2}</translation>
    </message>
    <message>
        <source>Already in the library</source>
        <translation>موجود في المكتبة من قبل</translation>
    </message>
    <message>
        <source>Imported as a new article</source>
        <translation>استُورد مقالًا جديدًا</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>تعذّر الاستيراد</translation>
    </message>
    <message>
        <source>Articles imported before the problem are kept.</source>
        <translation>المقالات التي استُوردت قبل المشكلة محفوظة.</translation>
    </message>
    <message>
        <source>{0} imported, {1} already in the library, {2} failed.</source>
        <translation>استُورد: {0}، موجود من قبل: {1}، تعذّر: {2}.</translation>
    </message>
    <message>
        <source>Cancelled: what was imported before stays.</source>
        <translation>أُلغي: يبقى ما استُورد قبل ذلك.</translation>
    </message>
    <message>
        <source>Failed: {0} — {1}</source>
        <translation>تعذّر: {0} — {1}</translation>
    </message>
    <message>
        <source>Already in the library: {0} (#{1})</source>
        <translation>موجود في المكتبة: {0} (رقم {1})</translation>
    </message>
    <message>
        <source>Already in the library: {0} — {1}</source>
        <translation>موجود في المكتبة: {0} — {1}</translation>
    </message>
    <message>
        <source>… and {0} more (Show Details).</source>
        <translation>… وغيرها: {0} (إظهار التفاصيل).</translation>
    </message>
</context>
<context>
    <name>KeymapDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Filter by name or key</source>
        <translation>تصفية بالاسم أو المفتاح</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>تعيين</translation>
    </message>
    <message>
        <source>Make this the only key of the action</source>
        <translation>اجعله المفتاح الوحيد لهذا الأمر</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Add this key beside the action&apos;s other keys</source>
        <translation>أضف هذا المفتاح إلى مفاتيح الأمر الأخرى</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>بلا مفتاح</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>استعادة الافتراضي</translation>
    </message>
    <message>
        <source>Reset all</source>
        <translation>استعادة الكل</translation>
    </message>
    <message>
        <source>%1 is used by “%2”. Assigning it here takes it away from there.</source>
        <translation>%1 مستخدَم في «%2». تعيينه هنا يلغيه هناك.</translation>
    </message>
    <message>
        <source>Key for “%1”:</source>
        <translation>مفتاح «%1»:</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Same</source>
        <translation>متطابق</translation>
    </message>
    <message>
        <source>Changed words</source>
        <translation>كلمات معدَّلة</translation>
    </message>
    <message>
        <source>Changed letters</source>
        <translation>حروف معدَّلة</translation>
    </message>
    <message>
        <source>Only on this side</source>
        <translation>في هذا الجانب وحده</translation>
    </message>
    <message>
        <source>Moved passage</source>
        <translation>مقطع منقول</translation>
    </message>
    <message>
        <source>Reordered inside the passage</source>
        <translation>أعيد ترتيبه داخل المقطع</translation>
    </message>
    <message>
        <source>Underlined: selected passage · outlined: current change</source>
        <translation>تحته خط: المقطع المحدد · في إطار: الاختلاف الحالي</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>Articles (*.txt *.html *.htm);;All files (*)</source>
        <translation>المقالات (*.txt *.html *.htm);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <source>The clipboard holds no text</source>
        <translation>لا نص في الحافظة</translation>
    </message>
    <message>
        <source>Edit article</source>
        <translation>تعديل المقال</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>سنة-شهر-يوم</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>تعذّر الحفظ</translation>
    </message>
</context>
<context>
    <name>LibraryProblem</name>
    <message>
        <source>Qarin libraries (*.sqlite3);;All files (*)</source>
        <translation>مكتبات قارِن (*.sqlite3);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Qarin cannot open the library</source>
        <translation>تعذّر على قارِن فتح المكتبة</translation>
    </message>
    <message>
        <source>Open Another Library…</source>
        <translation>فتح مكتبة أخرى…</translation>
    </message>
    <message>
        <source>Make a New Library…</source>
        <translation>إنشاء مكتبة جديدة…</translation>
    </message>
    <message>
        <source>Try to Repair</source>
        <translation>محاولة الإصلاح</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Open a Library</source>
        <translation>فتح مكتبة</translation>
    </message>
    <message>
        <source>Make a New Library</source>
        <translation>إنشاء مكتبة جديدة</translation>
    </message>
    <message>
        <source>SQLite found nothing wrong with it this time.</source>
        <translation>لم يجد SQLite فيها خللًا هذه المرة.</translation>
    </message>
    <message>
        <source>Recovered {0} articles into a new library; the damaged file is kept as {1}.</source>
        <translation>استُعيدت مقالات عددها {0} إلى مكتبة جديدة؛ والملف التالف محفوظ باسم {1}.</translation>
    </message>
    <message>
        <source>{0} articles could not be read whole.</source>
        <translation>مقالات تعذّرت قراءتها كاملة: {0}.</translation>
    </message>
    <message>
        <source>The library was repaired</source>
        <translation>أُصلحت المكتبة</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Select an article in the list first</source>
        <translation>اختر مقالًا من القائمة أولًا</translation>
    </message>
    <message>
        <source>Cannot open article</source>
        <translation>تعذّر فتح المقال</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>جارٍ المقارنة…</translation>
    </message>
    <message>
        <source>Comparison failed</source>
        <translation>تعذّرت المقارنة</translation>
    </message>
    <message>
        <source>No more articles in the list</source>
        <translation>لا مزيد من المقالات في القائمة</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <source>Finding the two most similar articles…</source>
        <translation>البحث عن أكثر مقالين تشابهًا…</translation>
    </message>
    <message>
        <source>Minimum passage length</source>
        <translation>الحد الأدنى لطول المقطع</translation>
    </message>
    <message>
        <source>Words a shared passage needs at least:</source>
        <translation>أقل عدد من الكلمات في المقطع المشترك:</translation>
    </message>
    <message>
        <source>About Qarin</source>
        <translation>عن قارِن</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Qarin {0}&lt;/b&gt; (قارِن) compares Arabic news reports side by side.&lt;/p&gt;&lt;p&gt;Text in the Amiri typeface by Khaled Hosny, under the SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;Built with Qt for Python (PySide6, LGPLv3) and diff-match-patch (Apache 2.0).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;قارِن {0}&lt;/b&gt; (Qarin) يقارن بين التقارير الإخبارية العربية جنبًا إلى جنب.&lt;/p&gt;&lt;p&gt;النصوص بخط أميري لخالد حسني، بترخيص SIL Open Font License 1.1.&lt;/p&gt;&lt;p&gt;مبني بـ Qt for Python ‏(PySide6، LGPLv3) وdiff-match-patch ‏(Apache 2.0).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>ا&amp;نتقال</translation>
    </message>
    <message>
        <source>&amp;Matching</source>
        <translation>الم&amp;طابقة</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
</context>
<context>
    <name>Moves</name>
    <message>
        <source>in order: {a} of A is {b} of B</source>
        <translation>في ترتيبه: {a} من أ يقابله {b} من ب</translation>
    </message>
    <message>
        <source>in order, text before it cut: {a} of A is {b} of B</source>
        <translation>في ترتيبه، وقد حُذف ما قبله: {a} من أ يقابله {b} من ب</translation>
    </message>
    <message>
        <source>in order, text added before it: {a} of A is {b} of B</source>
        <translation>في ترتيبه، وقد أضيف نص قبله: {a} من أ يقابله {b} من ب</translation>
    </message>
    <message>
        <source>brought forward: {a} of A is {b} of B</source>
        <translation>قُدِّم: {a} من أ يقابله {b} من ب</translation>
    </message>
    <message>
        <source>moved back: {a} of A is {b} of B</source>
        <translation>أُخِّر: {a} من أ يقابله {b} من ب</translation>
    </message>
    <message>
        <source>moved to the start: {a} of A is {b} of B</source>
        <translation>نُقل إلى البداية: {a} من أ يقابله {b} من ب</translation>
    </message>
    <message>
        <source>moved to the end: {a} of A is {b} of B</source>
        <translation>نُقل إلى النهاية: {a} من أ يقابله {b} من ب</translation>
    </message>
    <message>
        <source>used again: {a} of A is also {b} of B</source>
        <translation>استُعمل مرة أخرى: {a} من أ يقابله أيضًا {b} من ب</translation>
    </message>
    <message>
        <source>used again: {b} of B is also {a} of A</source>
        <translation>استُعمل مرة أخرى: {b} من ب يقابله أيضًا {a} من أ</translation>
    </message>
    <message>
        <source>reordered inside the passage</source>
        <translation>أعيد ترتيب كلماته داخل المقطع</translation>
    </message>
    <message>
        <source>¶{0}</source>
        <translation>¶{0}</translation>
    </message>
    <message>
        <source>¶{0}–{1}</source>
        <translation>¶{0}–{1}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>OverviewRuler</name>
    <message>
        <source>Differences in the whole article; click to go there</source>
        <translation>الاختلافات في المقال كله؛ انقر للانتقال إليها</translation>
    </message>
</context>
<context>
    <name>RemovedLines</name>
    <message>
        <source>navigation</source>
        <translation>التنقل</translation>
    </message>
    <message>
        <source>header</source>
        <translation>الترويسة</translation>
    </message>
    <message>
        <source>asides</source>
        <translation>الأعمدة الجانبية</translation>
    </message>
    <message>
        <source>footer</source>
        <translation>التذييل</translation>
    </message>
    <message>
        <source>forms</source>
        <translation>النماذج</translation>
    </message>
    <message>
        <source>date</source>
        <translation>تاريخ</translation>
    </message>
    <message>
        <source>site chrome</source>
        <translation>إطار الموقع</translation>
    </message>
    <message>
        <source>related links</source>
        <translation>روابط ذات صلة</translation>
    </message>
    <message>
        <source>copyright</source>
        <translation>حقوق النشر</translation>
    </message>
    <message>
        <source>section label</source>
        <translation>اسم القسم</translation>
    </message>
    <message>
        <source>headline of another story</source>
        <translation>عنوان خبر آخر</translation>
    </message>
    <message>
        <source>image caption</source>
        <translation>تعليق صورة</translation>
    </message>
    <message>
        <source>credit line</source>
        <translation>سطر الحقوق</translation>
    </message>
    <message>
        <source>Removed lines</source>
        <translation>الأسطر المحذوفة</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>السطر</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>ا&amp;ستعادة</translation>
    </message>
    <message numerus="yes">
        <source>Cleaning removed %n line(s) from this article.</source>
        <translation>
            <numerusform>لم يحذف التنظيف أي سطر من هذا المقال.</numerusform>
            <numerusform>حذف التنظيف سطرًا واحدًا من هذا المقال.</numerusform>
            <numerusform>حذف التنظيف سطرين من هذا المقال.</numerusform>
            <numerusform>حذف التنظيف %n أسطر من هذا المقال.</numerusform>
            <numerusform>حذف التنظيف %n سطرًا من هذا المقال.</numerusform>
            <numerusform>حذف التنظيف %n سطر من هذا المقال.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cleaning removed nothing after that.</source>
        <translation>ولم يحذف التنظيف شيئًا بعد ذلك.</translation>
    </message>
    <message>
        <source>Nothing was removed from this article.</source>
        <translation>لم يُحذف شيء من هذا المقال.</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>لا محارف</numerusform>
            <numerusform>محرف واحد</numerusform>
            <numerusform>محرفان</numerusform>
            <numerusform>%n محارف</numerusform>
            <numerusform>%n محرفًا</numerusform>
            <numerusform>%n محرف</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Extracted from a web page: its {0} were left out, with its scripts and styles.</source>
        <translation>مستخرَج من صفحة ويب: تُرك منها {0}، ومعها الشيفرات والتنسيقات.</translation>
    </message>
    <message>
        <source>Extracted from a web page: only its main text was kept, without scripts and styles.</source>
        <translation>مستخرَج من صفحة ويب: حُفظ نصها الرئيسي وحده، بلا شيفرات ولا تنسيقات.</translation>
    </message>
    <message>
        <source>The article is {0} of the page&apos;s {1}.</source>
        <translation>المقال {0} من {1} في الصفحة.</translation>
    </message>
    <message>
        <source>Cannot restore the line</source>
        <translation>تعذّرت استعادة السطر</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>HTML page (*.html)</source>
        <translation>صفحة HTML (*.html)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Nothing to export: no comparison yet</source>
        <translation>لا شيء للتصدير: لا مقارنة بعد</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>تصدير المقارنة</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>تعذّر التصدير</translation>
    </message>
    <message>
        <source>Comparison exported to {0}</source>
        <translation>صُدِّرت المقارنة إلى {0}</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>تعذّرت الطباعة</translation>
    </message>
    <message>
        <source>Qt&apos;s printing module is missing</source>
        <translation>وحدة الطباعة في Qt غير موجودة</translation>
    </message>
    <message>
        <source>Print comparison</source>
        <translation>طباعة المقارنة</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <source>diacritics</source>
        <translation>التشكيل</translation>
    </message>
    <message>
        <source>hamza and alef forms</source>
        <translation>أشكال الهمزة والألف</translation>
    </message>
    <message>
        <source>punctuation style</source>
        <translation>أشكال علامات الترقيم</translation>
    </message>
    <message>
        <source>attached prefixes</source>
        <translation>السوابق المتصلة</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Left {0} shared · right {1} shared</source>
        <translation>الأيسر {0} مشترك · الأيمن {1} مشترك</translation>
    </message>
    <message>
        <source>Left {0} · right {1}</source>
        <translation>الأيسر {0} · الأيمن {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n fact(s) differ</source>
        <translation>
            <numerusform>لا وقائع مختلفة</numerusform>
            <numerusform>واقعة واحدة مختلفة</numerusform>
            <numerusform>واقعتان مختلفتان</numerusform>
            <numerusform>%n وقائع مختلفة</numerusform>
            <numerusform>%n واقعةً مختلفة</numerusform>
            <numerusform>%n واقعة مختلفة</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} identical, {1} reworded</source>
        <translation>{0} متطابق، {1} معاد صياغته</translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>لا مقاطع</numerusform>
            <numerusform>مقطع واحد</numerusform>
            <numerusform>مقطعان</numerusform>
            <numerusform>%n مقاطع</numerusform>
            <numerusform>%n مقطعًا</numerusform>
            <numerusform>%n مقطع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>لم يُنقل شيء</numerusform>
            <numerusform>نُقل واحد</numerusform>
            <numerusform>نُقل اثنان</numerusform>
            <numerusform>نُقلت %n</numerusform>
            <numerusform>نُقل %n</numerusform>
            <numerusform>نُقل %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shifted in order</source>
        <translation>
            <numerusform>لم ينزح شيء</numerusform>
            <numerusform>انزاح واحد في ترتيبه</numerusform>
            <numerusform>انزاح اثنان في ترتيبهما</numerusform>
            <numerusform>انزاحت %n في ترتيبها</numerusform>
            <numerusform>انزاح %n في ترتيبها</numerusform>
            <numerusform>انزاح %n في ترتيبها</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Not ignored: {0}</source>
        <translation>غير متجاهَل: {0}</translation>
    </message>
    <message>
        <source>Also ignored: {0}</source>
        <translation>متجاهَل أيضًا: {0}</translation>
    </message>
    <message numerus="yes">
        <source>passages of %n word(s) or more</source>
        <translation>
            <numerusform>مقاطع بأي طول</numerusform>
            <numerusform>مقاطع من كلمة واحدة فأكثر</numerusform>
            <numerusform>مقاطع من كلمتين فأكثر</numerusform>
            <numerusform>مقاطع من %n كلمات فأكثر</numerusform>
            <numerusform>مقاطع من %n كلمةً فأكثر</numerusform>
            <numerusform>مقاطع من %n كلمة فأكثر</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}: ignored</source>
        <translation>{0}: متجاهَل</translation>
    </message>
    <message>
        <source>{0}: counted as a difference</source>
        <translation>{0}: يُعدّ اختلافًا</translation>
    </message>
    <message>
        <source>Matching rules (Matching menu):</source>
        <translation>قواعد المطابقة (قائمة المطابقة):</translation>
    </message>
    <message>
        <source>Text size (zoom in Ctrl+=, out Ctrl+-, reset Ctrl+0)</source>
        <translation>حجم النص (تكبير ⁦Ctrl+=⁩، تصغير ⁦Ctrl+-⁩، الحجم الأصلي ⁦Ctrl+0⁩)</translation>
    </message>
</context>
<context>
    <name>StoriesHost</name>
    <message>
        <source>Select an article first</source>
        <translation>اختر مقالًا أولًا</translation>
    </message>
    <message>
        <source>Add feed</source>
        <translation>إضافة موجز</translation>
    </message>
    <message>
        <source>RSS or Atom feed address:</source>
        <translation>عنوان موجز RSS أو Atom:</translation>
    </message>
</context>
<context>
    <name>StoriesWindow</name>
    <message>
        <source>Enter on a story shows its reports, the collation and who took from whom.</source>
        <translation>زر الإدخال على قصة يعرض تقاريرها والمقابلة بينها ومن أخذ عمّن.</translation>
    </message>
    <message>
        <source>Shared shares (row&apos;s text found in column)</source>
        <translation>النسب المشتركة (نص الصف الموجود في العمود)</translation>
    </message>
    <message>
        <source>Who took from whom</source>
        <translation>من أخذ عمّن</translation>
    </message>
    <message>
        <source>Collation: = same, ≈ reworded, · absent (Enter: compare there)</source>
        <translation>المقابلة: = متطابق، ≈ معاد صياغته، · غائب (الإدخال: المقارنة هناك)</translation>
    </message>
    <message>
        <source>Also same event, little shared wording</source>
        <translation>الحدث نفسه أيضًا، بقليل من الصياغة المشتركة</translation>
    </message>
    <message>
        <source>Join reports of the same days whose headlines name the same people and places</source>
        <translation>ضمّ تقارير الأيام نفسها التي تذكر عناوينها الأشخاص والأماكن أنفسهم</translation>
    </message>
    <message>
        <source>Stories (latest first)</source>
        <translation>القصص (الأحدث أولًا)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>{} reports from {}, first seen {}, last seen {}. Base: {}, {}.</source>
        <translation>التقارير: {0} من {1}، أول ظهور {2}، آخر ظهور {3}. الأصل: {4}، {5}.</translation>
    </message>
    <message>
        <source>Finding what shares text with {}…</source>
        <translation>جارٍ البحث عما يشارك {0} نصًا…</translation>
    </message>
    <message>
        <source>{} articles share text with {} {}</source>
        <translation>مقالات تشارك {1} {2} نصًا: {0}</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>القصص</translation>
    </message>
    <message>
        <source>Sharing text with this one</source>
        <translation>تشارك هذا المقال نصًا</translation>
    </message>
    <message>
        <source>Could not do it: {}</source>
        <translation>تعذّر ذلك: {0}</translation>
    </message>
    <message>
        <source>Grouping the library into stories…</source>
        <translation>جارٍ تجميع المكتبة في قصص…</translation>
    </message>
    <message>
        <source>{} stories</source>
        <translation>القصص: {0}</translation>
    </message>
    <message>
        <source>Collating report {done} of {total}…</source>
        <translation>جارٍ مقابلة التقرير {done} من {total}…</translation>
    </message>
    <message>
        <source>Collating {} reports…</source>
        <translation>جارٍ مقابلة التقارير ({0})…</translation>
    </message>
    <message>
        <source>Story of {} reports</source>
        <translation>قصة تقاريرها: {0}</translation>
    </message>
</context>
<context>
    <name>StoryList</name>
    <message>
        <source>reading the list</source>
        <translation>قراءة القائمة</translation>
    </message>
    <message>
        <source>counting shared text</source>
        <translation>عدّ النص المشترك</translation>
    </message>
    <message>
        <source>grouping and naming stories</source>
        <translation>تجميع القصص وتسميتها</translation>
    </message>
    <message>
        <source>Grouping the library into stories…</source>
        <translation>جارٍ تجميع المكتبة في قصص…</translation>
    </message>
    <message>
        <source>Grouping the library into stories: step {step} of {total}, {name}…</source>
        <translation>جارٍ تجميع المكتبة في قصص: الخطوة {step} من {total}، {name}…</translation>
    </message>
    <message numerus="yes">
        <source>%n stories of two or more reports</source>
        <translation>
            <numerusform>لا قصص من تقريرين أو أكثر</numerusform>
            <numerusform>قصة واحدة من تقريرين أو أكثر</numerusform>
            <numerusform>قصتان من تقريرين أو أكثر لكل منهما</numerusform>
            <numerusform>%n قصص من تقريرين أو أكثر لكل منها</numerusform>
            <numerusform>%n قصةً من تقريرين أو أكثر لكل منها</numerusform>
            <numerusform>%n قصة من تقريرين أو أكثر لكل منها</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of {text}</source>
        <translation>{shown} من {text}</translation>
    </message>
    <message>
        <source>Could not group the library into stories: {}</source>
        <translation>تعذّر تجميع المكتبة في قصص: {}</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>أول ظهور</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>آخر ظهور</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>المنافذ</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>لا تقارير</numerusform>
            <numerusform>تقرير واحد</numerusform>
            <numerusform>تقريران</numerusform>
            <numerusform>%n تقارير</numerusform>
            <numerusform>%n تقريرًا</numerusform>
            <numerusform>%n تقرير</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n outlet(s):</source>
        <translation>
            <numerusform>لا منافذ:</numerusform>
            <numerusform>منفذ واحد:</numerusform>
            <numerusform>منفذان:</numerusform>
            <numerusform>%n منافذ:</numerusform>
            <numerusform>%n منفذًا:</numerusform>
            <numerusform>%n منفذ:</numerusform>
        </translation>
    </message>
    <message>
        <source>First seen {first}, last seen {last}</source>
        <translation>أول ظهور {first}، آخر ظهور {last}</translation>
    </message>
    <message>
        <source>Enter opens the story: its reports, the collation and who took from whom</source>
        <translation>مفتاح الإدخال يفتح القصة: تقاريرها والمقابلة ومن أخذ عمّن</translation>
    </message>
</context>
<context>
    <name>StoryTables</name>
    <message>
        <source>Same in {report}; Enter compares them here</source>
        <translation>متطابق في {report}؛ الإدخال يقارنهما هنا</translation>
    </message>
    <message>
        <source>Reworded in {report}; Enter compares them here</source>
        <translation>معاد صياغته في {report}؛ الإدخال يقارنهما هنا</translation>
    </message>
    <message>
        <source>Absent from {report}; Enter compares the two reports</source>
        <translation>غائب عن {report}؛ الإدخال يقارن التقريرين</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <source>Outlets</source>
        <translation>المنافذ</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>أول ظهور</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>آخر ظهور</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s):</source>
        <translation>
            <numerusform>لا تقارير:</numerusform>
            <numerusform>تقرير واحد:</numerusform>
            <numerusform>تقريران:</numerusform>
            <numerusform>%n تقارير:</numerusform>
            <numerusform>%n تقريرًا:</numerusform>
            <numerusform>%n تقرير:</numerusform>
        </translation>
    </message>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>النشر</translation>
    </message>
    <message>
        <source>Reprints</source>
        <translation>يعيد نشر</translation>
    </message>
    <message>
        <source>Word for word</source>
        <translation>حرفيًا</translation>
    </message>
    <message>
        <source>Adds</source>
        <translation>يضيف</translation>
    </message>
    <message>
        <source>Drops</source>
        <translation>يُسقط</translation>
    </message>
    <message>
        <source>Base sentence</source>
        <translation>جملة الأصل</translation>
    </message>
    <message>
        <source>{share} of {row}&apos;s text is also in {column}</source>
        <translation>{share} من نص {row} موجود أيضًا في {column}</translation>
    </message>
    <message>
        <source>Of this</source>
        <translation>من هذا</translation>
    </message>
    <message>
        <source>Of it</source>
        <translation>منه</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>{other} covers {this} of this article; this one covers {that} of it. Enter compares them.</source>
        <translation>{other} يغطي {this} من هذا المقال، وهذا يغطي {that} منه. الإدخال يقارنهما.</translation>
    </message>
</context>
</TS>
