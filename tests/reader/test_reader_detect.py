from pactscope.reader.detect import detect_language


def test_single_languages():
    assert detect_language("Armenia asked the alliance for help after the attack.").primary == "en"
    assert detect_language("Армения обратилась к союзникам после нападения.").primary == "ru"
    assert detect_language("طلبت أرمينيا المساعدة من الحلفاء بعد الهجوم.").primary == "ar"


def test_mixed_text_reports_both_shares():
    lang = detect_language("Армения обратилась в ОДКБ. The CSTO said it would send a mission.")
    assert lang.mixed
    assert set(lang.shares) == {"ru", "en"}
    assert abs(sum(lang.shares.values()) - 1) < 0.01


def test_other_languages_and_no_letters():
    assert detect_language("Die Organisation hat nicht auf die Bitte der Regierung reagiert und das war es dann.").primary == "other"
    assert detect_language("Україна і Вірменія їхали").primary == "other"
    assert detect_language("پیمان امنیت جمعی گفت که چیزی نمی‌گوید").primary == "other"
    assert detect_language("12345 !!! ...").primary == "none"
    assert detect_language("").primary == "none"
