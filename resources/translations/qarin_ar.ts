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
        <source>Import folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <source>Paste article</source>
        <translation>لصق مقال</translation>
    </message>
    <message>
        <source>Edit title, source and date…</source>
        <translation>تعديل العنوان والمصدر والتاريخ…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Find in text…</source>
        <translation>بحث في النص…</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>البحث عن التالي</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>البحث عن السابق</translation>
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
        <source>Focus the article list</source>
        <translation>الانتقال إلى قائمة المقالات</translation>
    </message>
    <message>
        <source>Focus the left pane</source>
        <translation>الانتقال إلى النص الأيسر</translation>
    </message>
    <message>
        <source>Focus the right pane</source>
        <translation>الانتقال إلى النص الأيمن</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>الحجم الأصلي</translation>
    </message>
    <message>
        <source>Show hidden characters</source>
        <translation>إظهار المحارف المخفية</translation>
    </message>
    <message>
        <source>Next difference</source>
        <translation>الاختلاف التالي</translation>
    </message>
    <message>
        <source>Previous difference</source>
        <translation>الاختلاف السابق</translation>
    </message>
    <message>
        <source>Next passage link</source>
        <translation>رابط المقطع التالي</translation>
    </message>
    <message>
        <source>Previous passage link</source>
        <translation>رابط المقطع السابق</translation>
    </message>
    <message>
        <source>Jump to counterpart</source>
        <translation>الانتقال إلى المقطع المقابل</translation>
    </message>
    <message>
        <source>Next article in the list</source>
        <translation>المقال التالي في القائمة</translation>
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
        <source>Show selected article on the right</source>
        <translation>عرض المقال المحدد على اليمين</translation>
    </message>
    <message>
        <source>Ignore diacritics</source>
        <translation>تجاهل التشكيل</translation>
    </message>
    <message>
        <source>Ignore hamza and alef forms</source>
        <translation>تجاهل أشكال الهمزة والألف</translation>
    </message>
    <message>
        <source>Ignore punctuation style</source>
        <translation>تجاهل أشكال علامات الترقيم</translation>
    </message>
    <message>
        <source>Ignore attached prefixes</source>
        <translation>تجاهل السوابق المتصلة</translation>
    </message>
    <message>
        <source>Minimum passage length…</source>
        <translation>الحد الأدنى لطول المقطع…</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>لوحة الأوامر…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts…</source>
        <translation>اختصارات لوحة المفاتيح…</translation>
    </message>
    <message>
        <source>About Qarin</source>
        <translation>عن قارِن</translation>
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
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <source>Contains bidi control characters: it may read unlike its stored text.</source>
        <translation>يحتوي على محارف تحكّم في الاتجاه: قد يظهر على غير ترتيبه المخزَّن.</translation>
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
    <name>FindBar</name>
    <message>
        <source>Find (harakat and hamza forms ignored)</source>
        <translation>بحث (مع تجاهل الحركات وأشكال الهمزة)</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3)</source>
        <translation>النتيجة السابقة (Shift+F3)</translation>
    </message>
    <message>
        <source>Next hit (F3)</source>
        <translation>النتيجة التالية (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
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
    <name>Legend</name>
    <message>
        <source>Underlined: selected passage</source>
        <translation>المسطَّر: المقطع المحدد</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Filter: title, source or words in the text</source>
        <translation>تصفية: العنوان أو المصدر أو كلمات من النص</translation>
    </message>
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
        <source>Left {0}% shared · right {1}% shared · {2} passages · {3} moved</source>
        <translation>الأيسر: {0}% مشترك · الأيمن: {1}% مشترك · المقاطع: {2} · المنقولة: {3}</translation>
    </message>
    <message>
        <source>Comparison failed</source>
        <translation>تعذّرت المقارنة</translation>
    </message>
    <message>
        <source>, moved</source>
        <translation>، منقول</translation>
    </message>
    <message>
        <source>Passage {0} of {1}: {2}% alike{3}</source>
        <translation>المقطع {0} من {1}: تشابه {2}%{3}</translation>
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
    <message>
        <source>&amp;{spec.menu}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewRuler</name>
    <message>
        <source>Differences in the whole article; click to go there</source>
        <translation>الاختلافات في المقال كله؛ انقر للانتقال إليها</translation>
    </message>
</context>
</TS>
