/** Word lists for the generator: Russian and international companies and contact names. */
export const RU_ORG_FORMS = ['ООО', 'АО', 'ПАО'] as const;
/** [Cyrillic, Latin slug] */
export const RU_COMPANY_WORDS: [string, string][] = [
  ['Ромашка', 'romashka'], ['Вектор', 'vektor'], ['Северный ветер', 'sever'], ['Гранит', 'granit'],
  ['ТехноСфера', 'tehnosfera'], ['Альфа Логистик', 'alfalog'], ['Берёзка', 'berezka'], ['Цифровые решения', 'cifra'],
  ['Медиагруппа Восток', 'vostokmedia'], ['Стройинвест', 'stroyinvest'], ['Полюс', 'polus'], ['Облачные системы', 'oblako'],
  ['Агрохолдинг Нива', 'niva'], ['Фармация', 'farmacia'], ['Телеком-Сервис', 'telecomserv'], ['Ладога', 'ladoga'],
  ['Уральские заводы', 'uralzavod'], ['Байкал', 'baikal'], ['Открытые данные', 'opendata'], ['Спектр', 'spektr'],
  ['Электросети', 'elseti'], ['Кристалл', 'kristall'], ['Волга-Трейд', 'volgatrade'], ['Инфотех', 'infotech'],
  ['Меридиан', 'meridian'], ['Сибирский хлеб', 'sibhleb'], ['Дельта', 'delta'], ['Заря', 'zarya'],
];
export const INTL_COMPANY_WORDS: [string, string][] = [
  ['Northwind', 'northwind'], ['Bluefin Analytics', 'bluefin'], ['Contoso', 'contoso'], ['Silver Arrow', 'silverarrow'],
  ['Orbital Games', 'orbital'], ['Greenleaf', 'greenleaf'], ['Pinecone Labs', 'pinecone'], ['Redwood Media', 'redwood'],
  ['Quantum Retail', 'quantum'], ['Harbor Freight Data', 'harbordata'], ['Atlas Mobility', 'atlas'], ['Kestrel AI', 'kestrel'],
];
export const INTL_FORMS = ['Ltd', 'LLC', 'Inc.', 'GmbH'] as const;
/** [Cyrillic, Latin, female?] */
export const RU_FIRST: [string, string, boolean][] = [
  ['Иван', 'ivan', false], ['Алексей', 'aleksey', false], ['Дмитрий', 'dmitry', false], ['Сергей', 'sergey', false],
  ['Андрей', 'andrey', false], ['Михаил', 'mikhail', false], ['Павел', 'pavel', false], ['Никита', 'nikita', false],
  ['Анна', 'anna', true], ['Мария', 'maria', true], ['Елена', 'elena', true], ['Ольга', 'olga', true],
  ['Татьяна', 'tatiana', true], ['Наталья', 'natalia', true], ['Ксения', 'ksenia', true], ['Дарья', 'daria', true],
];
/** [male Cyrillic, Latin] — the female form adds "а". */
export const RU_LAST: [string, string][] = [
  ['Иванов', 'ivanov'], ['Петров', 'petrov'], ['Смирнов', 'smirnov'], ['Кузнецов', 'kuznetsov'], ['Попов', 'popov'],
  ['Соколов', 'sokolov'], ['Лебедев', 'lebedev'], ['Козлов', 'kozlov'], ['Новиков', 'novikov'], ['Морозов', 'morozov'],
  ['Волков', 'volkov'], ['Фёдоров', 'fedorov'], ['Орлов', 'orlov'], ['Белов', 'belov'], ['Егоров', 'egorov'],
];
export const EN_FIRST = ['James', 'Emma', 'Oliver', 'Sophia', 'Liam', 'Ava', 'Noah', 'Mia', 'Lucas', 'Chloe'] as const;
export const EN_LAST = ['Smith', 'Brown', 'Taylor', 'Wilson', 'Clark', 'Lewis', 'Walker', 'Young', 'King', 'Hall'] as const;
export const RU_DOMAINS = ['ru', 'com', 'org', 'net'] as const;
export const PROJECT_NAMES = ['Production', 'Staging', 'Analytics', 'Backups', 'ML', 'Web', 'CRM', 'Test'] as const;

/** Ledger descriptions (platform data, in Russian as the platform writes them). */
export const SERVICE_TEXT: Record<string, string> = {
  compute: 'Виртуальные машины (vCPU, RAM)',
  block_storage: 'Диски (блочное хранилище)',
  object_storage: 'Объектное хранилище S3',
  kubernetes: 'Cloud Containers (Kubernetes)',
  dbaas: 'Облачные базы данных',
  network: 'Сеть: публичные IP и трафик',
  licenses: 'Лицензии ПО',
  topup: 'Пополнение баланса',
  bonus: 'Бонусное начисление',
};
